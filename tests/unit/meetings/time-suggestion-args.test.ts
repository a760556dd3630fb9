import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { cancelMeeting } from '../../../src/domain/meeting';
import { MeetingsFreeBusy } from '../../../src/app/meetings/meetings-free-busy';
import { MEETINGS } from '../../../src/app/meetings/meeting-records';
import { parseDate, parseDuration } from '../../../src/app/meetings/time-suggestion-args';
import { suggestTimeCommand } from '../../../src/app/commands/suggest-time.command';
import { parseArgs } from '../../../src/app/commands/grammar/parse-args';
import { Catalogue } from '../../../src/i18n/catalogue';
import { must, org, planned } from './meeting-fixtures';

const now = new Date('2026-11-23T10:00:00Z');
const nb = Catalogue.load().for('nb');
const read = (typed: string) => parseArgs(suggestTimeCommand.args!, typed, now, nb);

describe('reading foreslå tid', () => {
  it('understands durations in minutes, hours and h:mm', () => {
    expect(['90', '90m', '90min', '2t', '2h', '2', '1,5t', '1.5h', '1:30', '45 '].map(parseDuration)).toEqual([
      90, 90, 90, 120, 120, 120, 90, 90, 90, 45,
    ]);
    expect(parseDuration('lenge')).toBeUndefined();
  });

  it('understands dates the Norwegian way and as ISO, a past day-month being next year', () => {
    expect(parseDate('2026-12-01', '2026-11-23')).toBe('2026-12-01');
    expect(parseDate('1.12.2026', '2026-11-23')).toBe('2026-12-01');
    expect(parseDate('1.12.', '2026-11-23')).toBe('2026-12-01');
    expect(parseDate('5.1', '2026-11-23')).toBe('2027-01-05');
    expect(parseDate('31.11.2026', '2026-11-23')).toBeUndefined();
  });

  it('reads body, duration and date through the declared grammar', () => {
    expect(read('LSU Bærum 1:30 1.12.')).toMatchObject({
      ok: true,
      value: { body: 'LSU Bærum', duration: 90, from: { date: '2026-12-01' } },
    });
    expect(read('styret')).toEqual({ ok: true, value: { body: 'styret' }, typed: { body: 'styret' } });
    expect(read('styret 3t')).toMatchObject({ ok: true, value: { body: 'styret', duration: 180 } });
  });

  it('refuses a duration it cannot read or outside 15 minutes to 8 hours, and a date that is none', () => {
    expect(read('styret 9t')).toMatchObject({ ok: false, refused: 'duration', leftOver: '9t' });
    expect(read('styret 10m')).toMatchObject({ ok: false, refused: 'duration' });
    expect(read('styret 2x')).toMatchObject({ ok: false, refused: 'duration' });
    expect(read('styret 2t 32.13.2026')).toMatchObject({
      ok: false,
      understood: { body: 'styret', duration: 120 },
      leftOver: '32.13.2026',
    });
  });
});

describe('free/busy from Samråd’s own meetings', () => {
  it('makes seat holders busy during their bodies’ planned meetings, not deputies, not cancelled ones', async () => {
    const store = new MemoryStore();
    const osu = planned('m1'); // OSU, 23 April 2026 08:00–12:00Z
    const later = planned('m2', { start: '2026-04-24T08:00:00Z', end: '2026-04-24T09:00:00Z' });
    await store.create(MEETINGS, osu.id, osu);
    await store.create(MEETINGS, later.id, must(cancelMeeting(later, new Date('2026-03-11T00:00:00Z'))));
    const freeBusy = new MeetingsFreeBusy({ store, organisation: () => org });
    const answer = await freeBusy.busy(
      ['kari@example.kommune.no', 'EVA@example.kommune.no', 'koord@example.kommune.no', 'stranger@example.no'],
      {
        start: '2026-04-20T00:00:00Z',
        end: '2026-04-27T00:00:00Z',
      },
    );
    expect(answer).toEqual([
      { email: 'kari@example.kommune.no', known: true, busy: [{ start: osu.start, end: osu.end }] },
      { email: 'EVA@example.kommune.no', known: true, busy: [] },
      { email: 'koord@example.kommune.no', known: true, busy: [] },
      { email: 'stranger@example.no', known: false, busy: [] },
    ]);
    expect(
      (
        await freeBusy.busy(['kari@example.kommune.no'], { start: '2026-05-01T00:00:00Z', end: '2026-05-02T00:00:00Z' })
      )[0]!.busy,
    ).toEqual([]);
  });
});
