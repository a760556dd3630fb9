import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import type { Meeting } from '../../../src/domain/meeting';
import type { ListName, StoredRecord } from '../../../src/ports/record-store';
import { installation, people } from '../../fixtures/activities';
import { planBoardMeeting } from '../../fixtures/board-meeting';
import { organiser, startBotOnFakeGraph } from '../../fixtures/bot-on-fake-graph';
import type { BotUnderTest } from '../../fixtures/bot-under-test';
import { FakeGraphCalendar } from '../../fakes/fake-graph/calendar-routes';
import { FakeGraph } from '../../fakes/fake-graph/fake-graph-server';
import { idleTimer } from '../../unit/scheduling/scheduling-fixtures';

/*
 * The announcement job writes the Teams join link Graph made onto the meeting under the eTag it
 * read the meeting with, without reading it again. A coordinator's change that lands between
 * that read and the write must survive it, and a meeting removed meanwhile is not brought back.
 */
const now = new Date('2026-11-23T10:00:00Z');

/** Just before the job's join-link write, something else changes the meeting (once). */
class MeetingChangedMeanwhile extends MemoryStore {
  meanwhile?: (store: MemoryStore, meetingId: string) => Promise<void>;
  override async replace<T>(list: ListName, id: string, value: T, ifMatch: string): Promise<StoredRecord<T>> {
    const change = this.meanwhile;
    if (list === 'meetings' && change && (value as Partial<Meeting>).joinUrl) {
      this.meanwhile = undefined;
      await change(this, id);
    }
    return super.replace(list, id, value, ifMatch);
  }
}

let fake: FakeGraph | undefined;
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

async function planWith(store: MeetingChangedMeanwhile): Promise<string> {
  fake = await FakeGraph.start({ driveId: 'b!docs', routes: [new FakeGraphCalendar()] });
  bot = await startBotOnFakeGraph(fake, { organiser }, { clock: { now: () => now }, timer: idleTimer, store });
  await bot.post(installation(bot.connector.url, people.coordinator));
  const { meetingId } = await planBoardMeeting(bot);
  expect(meetingId).toBeDefined();
  for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
  return meetingId!;
}

const announcements = async () =>
  (await bot!.samrad.store.find<{ state: string }>('jobs', { kind: 'meeting.announce' })).map((j) => j.value.state);

describe('the join link written under the eTag the announcement read', () => {
  it('a change made meanwhile is kept, and the join link lands beside it', async () => {
    const store = new MeetingChangedMeanwhile();
    let raced = false;
    store.meanwhile = async (s, id) => {
      const m = (await s.get<Meeting>('meetings', id))!;
      await s.replace<Meeting>('meetings', id, { ...m.value, title: 'Styremøte (flyttet rom)' }, m.etag);
      raced = true;
    };
    const meetingId = await planWith(store);
    expect(raced).toBe(true);
    const stored = (await store.get<Meeting>('meetings', meetingId))?.value;
    expect(stored?.title).toBe('Styremøte (flyttet rom)');
    expect(stored?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(await announcements()).toEqual(['done']);
  }, 30_000);

  it('a meeting removed meanwhile stays removed, and the job does not fail', async () => {
    const store = new MeetingChangedMeanwhile();
    store.meanwhile = async (s, id) => s.remove('meetings', id);
    const meetingId = await planWith(store);
    expect(store.meanwhile).toBeUndefined();
    expect(await store.get('meetings', meetingId)).toBeUndefined();
    expect(await announcements()).toEqual(['done']);
  }, 30_000);
});
