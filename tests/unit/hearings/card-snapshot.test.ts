import { describe, expect, it } from 'vitest';
import type { HearingResponse } from '../../../src/domain/hearing-response';
import type { CardSnapshot } from '../../../src/app/hearings/hearing-card-refresh';
import { mergedSnapshot } from '../../../src/app/hearings/hearing-card-refresh';
import type { ResponseHistory } from '../../../src/app/hearings/hearing-records';
import { hearing } from './hearing-fixtures';

const version = (municipality: string, n: number) =>
  ({ municipality, idempotencyKey: `${municipality}-${n}` }) as unknown as HearingResponse;
const history = (municipality: string, versions: number): ResponseHistory => ({
  hearingId: 'H1',
  municipality,
  responses: Array.from({ length: versions }, (_, i) => version(municipality, i + 1)),
});
const snapshot = (...histories: ResponseHistory[]): CardSnapshot => ({
  hearing: hearing(),
  histories,
  viewer: { kind: 'shared', refreshUserIds: [] },
});
const versionsOf = (s: CardSnapshot) =>
  Object.fromEntries(s.histories.map((r) => [r.municipality, r.responses.length]));

describe('the card snapshots of answers given at the same moment', () => {
  it('keeps both when each was read before the other was written', () => {
    // Ringerike and Hole answer together: each read the other's history before it was written.
    const ringerike = snapshot(history('3305', 1), history('3310', 0));
    const hole = snapshot(history('3305', 0), history('3310', 2));
    expect(versionsOf(mergedSnapshot(ringerike, hole))).toEqual({ '3305': 1, '3310': 2 });
    expect(versionsOf(mergedSnapshot(hole, ringerike))).toEqual({ '3305': 1, '3310': 2 });
  });

  it('takes a municipality only one of them read, and the first alone as it is', () => {
    expect(versionsOf(mergedSnapshot(snapshot(history('3305', 1)), snapshot(history('3324', 1))))).toEqual({
      '3305': 1,
      '3324': 1,
    });
    const only = snapshot(history('3305', 3));
    expect(mergedSnapshot(undefined, only)).toBe(only);
  });
});
