import type { Job, JobState } from '../../../src/app/scheduling/job';
import { JOBS, newJob } from '../../../src/app/scheduling/job';
import { JobRunner } from '../../../src/app/scheduling/job-runner';
import type { RetentionDeps } from '../../../src/app/scheduling/retention';
import { RETENTION, retentionHandler, retentionPayload } from '../../../src/app/scheduling/retention';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import type { Clock } from '../../../src/ports/clock';
import type { RecordStore } from '../../../src/ports/record-store';
import { idleTimer } from './scheduling-fixtures';
import { defineJob, jobRegistry } from '../../../src/app/scheduling/job-registry';

export const DAY = 24 * 60 * 60_000;

/** A job as the runner leaves it when it finished at `at` (with the day retention reads it by). */
export function finishedJob(
  id: string,
  state: Extract<JobState, 'done' | 'failed' | 'cancelled'>,
  at: Date,
  kind = 'outbox.message',
): Job {
  const made = newJob(
    { id, kind, dueAt: at, payload: { conversationId: 'a:personal-1', message: { kind: 'text', text: 'x' } } },
    at,
  );
  const iso = at.toISOString();
  return {
    ...made,
    state,
    attempts: 1,
    updatedAt: iso,
    finishedAt: iso,
    finishedDay: iso.slice(0, 10),
    ...(state === 'failed' && { lastError: 'blocked (403)' }),
  };
}

/** Writes `count` finished jobs, `perDay` a day going back from `last`. */
export async function fillFinished(
  store: RecordStore,
  count: number,
  last: Date,
  perDay: number,
  prefix = 'old',
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(last.getTime() - Math.floor(i / perDay) * DAY - (i % perDay) * 1000);
    const id = `${prefix}:${String(i).padStart(5, '0')}`;
    await store.create(JOBS, id, finishedJob(id, 'done', at));
    ids.push(id);
  }
  return ids;
}

/** A runner that handles retention only, as compose wires it. */
export function retentionRunner(
  store: RecordStore,
  clock: Clock,
  owner = 'a',
  options: Partial<RetentionDeps> = {},
): JobRunner {
  const scheduler = new JobScheduler(store, clock);
  const handler = defineJob(RETENTION, retentionPayload, retentionHandler({ store, scheduler, clock, ...options }));
  return new JobRunner({ store, clock, timer: idleTimer, owner, handlers: jobRegistry(handler), random: () => 0 });
}

/** The retention jobs in the store, by id. */
export async function retentionJobs(store: RecordStore): Promise<Job[]> {
  return (await store.find<Job>(JOBS, { kind: RETENTION }))
    .map((r) => r.value)
    .sort((a, b) => a.id.localeCompare(b.id));
}
