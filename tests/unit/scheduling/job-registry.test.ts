import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { AGREEMENT_REMIND } from '../../../src/app/agreement/agreement-jobs';
import { ARCHIVE_DOCUMENT } from '../../../src/app/archive/archive-job';
import { BOARD_CHECK } from '../../../src/app/board/board-check';
import { FEES_REMIND } from '../../../src/app/cooperation/fee-reminder';
import { SHARED_CARD_UPDATE } from '../../../src/app/delivery/shared-cards';
import { FOLLOW_UP_REMIND } from '../../../src/app/follow-up/follow-up-reminders';
import { HEARING_DISTRIBUTE, HEARING_REMIND } from '../../../src/app/hearings/hearing-jobs';
import { INPUT_REMIND, INPUT_SEND, INPUT_SUMMARY } from '../../../src/app/input/input-jobs';
import { SEND_MEETING_NOTICE } from '../../../src/app/meetings/send-meeting-notice';
import { PROJECT } from '../../../src/app/projection/request-projection';
import { defineJob, jobRegistry, PAYLOAD_INVALID } from '../../../src/app/scheduling/job-registry';
import { jobErrorCause } from '../../../src/app/scheduling/job-errors';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import { OUTBOX } from '../../../src/app/scheduling/outbox';
import { RETENTION } from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { CLOSE_AT_DEADLINE } from '../../../src/app/voting/close-at-deadline';
import { createLogger } from '../../../src/log';
import { ManualClock, idleTimer, t0 } from './scheduling-fixtures';

const reminder = z.object({ voteId: z.string(), days: z.number().int() });

const setup = (seen: unknown[]) => {
  const store = new MemoryStore();
  const clock = new ManualClock();
  const lines: string[] = [];
  const runner = new JobRunner({
    store,
    clock,
    timer: idleTimer,
    owner: 'runner-a',
    handlers: jobRegistry(
      defineJob('vote.remind', reminder, async ({ job }) => {
        seen.push(job.payload);
      }),
    ),
    random: () => 0,
    logger: createLogger('debug', (line) => lines.push(line)),
  });
  return { runner, lines, scheduler: new JobScheduler(store, clock) };
};

describe('defineJob', () => {
  it('hands the handler the payload as its schema reads it', async () => {
    const seen: unknown[] = [];
    const { runner, scheduler } = setup(seen);
    await scheduler.schedule({ id: 'r1', kind: 'vote.remind', dueAt: t0, payload: { voteId: 'K7P3Q', days: 3 } });
    expect(await runner.runDue()).toMatchObject({ done: 1 });
    expect(seen).toEqual([{ voteId: 'K7P3Q', days: 3 }]);
  });

  it('fails a job whose stored payload does not fit at its first attempt, says why, and never runs the handler', async () => {
    const seen: unknown[] = [];
    const { runner, scheduler, lines } = setup(seen);
    await scheduler.schedule({
      id: 'r2',
      kind: 'vote.remind',
      dueAt: t0,
      payload: { voteId: 42, days: 'three', note: 'personal' },
      maxAttempts: 5,
    });
    expect(await runner.runDue()).toMatchObject({ failed: 1, retried: 0 });
    expect(seen).toEqual([]);
    const job = await scheduler.get('r2');
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(job?.lastError).toContain(`${PAYLOAD_INVALID} vote.remind`);
    expect(job?.lastError).toContain('voteId');
    expect(job?.lastError).toContain('days');
    // The failed-jobs view reads this error as its own cause, not as "an unexpected error".
    expect(jobErrorCause(job?.lastError)).toBe('payload-invalid');
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.event === 'scheduler.payload-invalid');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ kind: 'vote.remind', jobId: 'r2' });
    // The payload's values (they can carry personal data) stay out of the log.
    expect(JSON.stringify(logged[0])).not.toContain('personal');
    expect(await runner.runDue()).toMatchObject({ done: 0, failed: 0 });
  });

  it('refuses two definitions of one kind', () => {
    const handler = async () => {};
    expect(() => jobRegistry(defineJob('k', z.unknown(), handler), defineJob('k', z.unknown(), handler))).toThrow(
      /job kind k is defined twice/,
    );
  });
});

describe('job kinds', () => {
  // Jobs already in the stores carry these names: renaming one strands them.
  it('keep the names stored jobs carry', () => {
    expect({
      CLOSE_AT_DEADLINE,
      OUTBOX,
      SHARED_CARD_UPDATE,
      SEND_MEETING_NOTICE,
      INPUT_SEND,
      INPUT_REMIND,
      INPUT_SUMMARY,
      FOLLOW_UP_REMIND,
      HEARING_DISTRIBUTE,
      HEARING_REMIND,
      ARCHIVE_DOCUMENT,
      PROJECT,
      AGREEMENT_REMIND,
      BOARD_CHECK,
      FEES_REMIND,
      RETENTION,
    }).toEqual({
      CLOSE_AT_DEADLINE: 'vote.close-at-deadline',
      OUTBOX: 'outbox.message',
      SHARED_CARD_UPDATE: 'card.update-shared',
      SEND_MEETING_NOTICE: 'meeting.announce',
      INPUT_SEND: 'input.send',
      INPUT_REMIND: 'input.remind',
      INPUT_SUMMARY: 'input.summary',
      FOLLOW_UP_REMIND: 'follow-up.remind',
      HEARING_DISTRIBUTE: 'hearing.distribute',
      HEARING_REMIND: 'hearing.remind',
      ARCHIVE_DOCUMENT: 'document.archive',
      PROJECT: 'project',
      AGREEMENT_REMIND: 'agreement.remind',
      BOARD_CHECK: 'board.check',
      FEES_REMIND: 'fees.remind',
      RETENTION: 'retention.daily',
    });
  });
});
