import type { FollowUpTask } from '../../domain/follow-up';
import { completeFollowUp, createFollowUp, mayComplete } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { DomainError, Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError, upsert } from '../../ports/record-store';
import { audit } from '../audit';
import { MEETINGS } from '../meetings/meeting-records';
import { loadMinutes } from '../minutes/minutes-records';
import type { JobScheduler } from '../scheduling/scheduler';
import { FOLLOW_UPS, followUpId } from './follow-up-records';
import { reminderJobId, reminderDays, reminderJobs } from './follow-up-reminders';
import type { ReminderWhen } from './follow-up-reminders';

export interface FollowUpDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}

export interface NewTask {
  readonly meetingId: string;
  readonly itemId: string;
  readonly owner: string;
  readonly due: string;
  readonly description: string;
  readonly by: string;
  readonly actionId: string;
}

/**
 * The coordinator gives a decision a follow-up task from the minutes card. The task and its
 * reminders are keyed by the invoke, so a retried submit makes one task and one set of jobs.
 */
export async function addFollowUp(
  deps: FollowUpDeps,
  org: Organisation,
  request: NewTask,
): Promise<Result<FollowUpTask>> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, request.meetingId))?.value;
  const record = meeting && (await loadMinutes(deps.store, request.meetingId));
  if (!meeting || !record) return fail('MINUTES.UNKNOWN', { meeting: request.meetingId });
  const now = deps.clock.now();
  const draft = {
    id: followUpId(request.actionId),
    itemId: request.itemId,
    owner: request.owner,
    due: request.due,
    description: request.description,
  };
  const created = createFollowUp(meeting, record.value.minutes, org, draft, now);
  if (!created.ok) return created;
  let task = created.value;
  try {
    await deps.store.create<FollowUpTask>(FOLLOW_UPS, task.id, task);
    await audit(deps.store, {
      kind: 'follow-up.created',
      memberId: request.by,
      at: now.toISOString(),
      details: { taskId: task.id, meetingId: meeting.id },
    });
  } catch (e) {
    if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
    task = (await deps.store.get<FollowUpTask>(FOLLOW_UPS, task.id))?.value ?? task;
  }
  await deps.scheduler.scheduleMany(reminderJobs(task, now));
  return ok(task);
}

/** The owner (or the coordinator) marks a task done; its reminders still pending are cancelled. */
export async function finishFollowUp(
  deps: FollowUpDeps,
  taskId: string,
  actor: { memberId: string; coordinator: boolean },
): Promise<Result<FollowUpTask>> {
  const now = deps.clock.now();
  let refusal: DomainError | undefined;
  const written = await upsert<FollowUpTask>(deps.store, FOLLOW_UPS, taskId, (task) => {
    refusal = undefined;
    if (!task) {
      refusal = { code: 'FOLLOW_UP.UNKNOWN', params: { task: taskId } };
      return undefined;
    }
    if (!mayComplete(task, actor.memberId, actor.coordinator)) {
      refusal = { code: 'FOLLOW_UP.NOT_ALLOWED' };
      return undefined;
    }
    const done = completeFollowUp(task, now);
    if (!done.ok) refusal = done.error;
    return done.ok ? done.value : undefined;
  });
  if (refusal) return { ok: false, error: refusal };
  if (!written) return fail('FOLLOW_UP.UNKNOWN', { task: taskId });
  await audit(deps.store, {
    kind: 'follow-up.done',
    memberId: actor.memberId,
    at: now.toISOString(),
    details: { taskId },
  });
  // A reminder that is already running finds the task done and sends nothing.
  for (const when of Object.keys(reminderDays) as ReminderWhen[])
    await deps.scheduler.cancel(reminderJobId(taskId, when));
  return ok(written.value);
}
