import { describe, expect, it } from 'vitest';
import type { AnswerVersion } from '../../../src/domain/municipal-answer';
import { answersFor, countingOf, latestOf, nextVersion, replayed } from '../../../src/domain/municipal-answer';
import type { MunicipalityNumber } from '../../../src/domain/municipality';
import { org } from '../meetings/meeting-fixtures';

interface Answer extends AnswerVersion {
  readonly subject: string;
}
const m1 = '4601' as MunicipalityNumber;
const m2 = '4602' as MunicipalityNumber;
const answer = (version: number, status: Answer['status'], extra: Partial<Answer> = {}): Answer => ({
  subject: 's1',
  municipality: m1,
  givenBy: 'kari',
  givenAs: 'respondent',
  status,
  version,
  at: '2026-04-01T08:00:00.000Z',
  idempotencyKey: `k${version}`,
  ...extra,
});
const isS1 = (a: Answer): boolean => a.subject === 's1';

describe('a municipal answer, whatever it answers', () => {
  it('shows the newest version and counts the newest submitted one; a later draft does not unsay it', () => {
    const all = [answer(1, 'submitted'), answer(2, 'draft'), answer(3, 'draft', { municipality: m2 })];
    expect(latestOf(all, isS1, m1)?.version).toBe(2);
    expect(countingOf(all, isS1, m1)?.version).toBe(1);
    expect(countingOf(all, isS1, m2)).toBeUndefined();
    expect(latestOf(all, (a) => a.subject === 'other', m1)).toBeUndefined();
  });

  it('numbers the next version after the latest, starting at 1', () => {
    expect(nextVersion(undefined)).toBe(1);
    expect(nextVersion(answer(4, 'draft'))).toBe(5);
  });

  it('gives a retried card its first answer, and refuses the same key from someone else', () => {
    const all = [answer(1, 'draft')];
    expect(replayed(all, 'k1', 'kari')).toEqual({ seen: all[0] });
    expect(replayed(all, 'k1', 'ola')).toBe('conflict');
    expect(replayed(all, 'k9', 'kari')).toBeUndefined();
  });

  it('knows whom a member answers for, and nobody for a stranger', () => {
    const someone = org.members.find((m) => m.respondentFor.length > 0)!;
    expect(answersFor(org, someone.id)).toEqual(
      someone.respondentFor.map((r) => ({ municipality: r.municipality, role: r.role })),
    );
    expect(answersFor(org, 'nobody-at-all')).toEqual([]);
  });
});
