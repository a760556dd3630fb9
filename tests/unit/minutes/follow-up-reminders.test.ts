import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { FOLLOW_UPS } from '../../../src/app/follow-up/follow-up-records';
import {
  FOLLOW_UP_REMIND,
  followUpReminder,
  followUpReminderPayload,
  reminderJobs,
} from '../../../src/app/follow-up/follow-up-reminders';
import type { Job } from '../../../src/app/scheduling/job';
import { JOBS } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { OUTBOX, outboxPayload } from '../../../src/app/scheduling/outbox';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { FollowUpTask } from '../../../src/domain/follow-up';
import { Catalogue } from '../../../src/i18n/catalogue';
import { ManualClock, idleTimer } from '../scheduling/scheduling-fixtures';
import { org } from '../meetings/meeting-fixtures';

const task = (due: string, status: FollowUpTask['status'] = 'open'): FollowUpTask => ({
  id: 'FABCDE',
  meetingId: 'm1',
  bodyId: 'osu',
  itemId: 'i1',
  caseNumber: { number: 2, year: 2026 },
  description: 'Send planen til kommunene',
  owner: 'siri',
  due,
  status,
  createdAt: '2026-04-23T08:00:00.000Z',
});

describe('follow-up reminders', () => {
  it('fall a week before, the day before and the first day overdue, at 09.00 in Oslo whatever the season', () => {
    const winter = reminderJobs(task('2026-12-10'), new Date('2026-11-01T08:00:00Z'));
    expect(winter.map((j) => [j.id, j.dueAt])).toEqual([
      ['follow-up-remind:FABCDE:week', new Date('2026-12-03T08:00:00Z')],
      ['follow-up-remind:FABCDE:day', new Date('2026-12-09T08:00:00Z')],
      ['follow-up-remind:FABCDE:overdue', new Date('2026-12-11T08:00:00Z')],
    ]);
    const summer = reminderJobs(task('2026-06-10'), new Date('2026-05-01T08:00:00Z'));
    expect(summer[0]?.dueAt).toEqual(new Date('2026-06-03T07:00:00Z'));
  });

  it("leave out the times already past: a task due in three days gets no week's notice", () => {
    expect(reminderJobs(task('2026-12-10'), new Date('2026-12-07T10:00:00Z')).map((j) => j.payload.when)).toEqual([
      'day',
      'overdue',
    ]);
  });

  async function setUp(stored: FollowUpTask) {
    const store = new MemoryStore();
    const clock = new ManualClock(new Date('2026-12-03T08:00:00Z'));
    const scheduler = new JobScheduler(store, clock);
    await store.create(FOLLOW_UPS, stored.id, stored);
    // Siri has opened a personal chat with the bot.
    await store.create('conversations', 'a:siri', {
      kind: 'personal',
      aadObjectId: 'aad-siri',
      installed: true,
      reference: {},
      updated: '',
    });
    await store.create('identityLinks', 'aad-siri', { memberId: 'siri' });
    const sent: unknown[] = [];
    const runner = new JobRunner({
      store,
      clock,
      timer: idleTimer,
      owner: 'test',
      handlers: jobRegistry(
        defineJob(
          FOLLOW_UP_REMIND,
          followUpReminderPayload,
          followUpReminder({ store, scheduler, organisation: () => org, t: Catalogue.load().for('nb') }),
        ),
        defineJob(OUTBOX, outboxPayload, async ({ job }) => void sent.push(job.payload.message)),
      ),
    });
    await scheduler.scheduleMany(reminderJobs(stored, new Date('2026-11-01T08:00:00Z')));
    return { store, runner, sent };
  }

  it("send one message to the owner's personal chat through the outbox, even when run again", async () => {
    const { store, runner, sent } = await setUp(task('2026-12-10'));
    await runner.runDue();
    await runner.runDue();
    expect(sent).toEqual([{ kind: 'text', text: expect.stringContaining('frist om en uke') }]);
    expect((await store.get<Job>(JOBS, 'follow-up-message:FABCDE:week'))?.value).toMatchObject({
      state: 'done',
      payload: { conversationId: 'a:siri' },
    });
    expect((await store.get<Job>(JOBS, 'follow-up-remind:FABCDE:day'))?.value.state).toBe('pending');
  });

  it('send nothing for a task already done', async () => {
    const { runner, sent } = await setUp(task('2026-12-10', 'done'));
    expect((await runner.runDue()).done).toBe(1);
    await runner.runDue();
    expect(sent).toEqual([]);
  });
});
