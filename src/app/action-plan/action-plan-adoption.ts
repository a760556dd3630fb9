import { adoptionDrafts, adoptPlan } from '../../domain/action-plan';
import type { FollowUpTask } from '../../domain/follow-up';
import { createFollowUp } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import { decisionsOf } from '../../domain/minutes-approval';
import type { Organisation } from '../../domain/organisation';
import { ok } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import { audit } from '../audit';
import { FOLLOW_UPS } from '../follow-up/follow-up-records';
import { reminderJobs } from '../follow-up/follow-up-reminders';
import { MEETINGS } from '../meetings/meeting-records';
import { loadMinutes } from '../minutes/minutes-records';
import type { JobScheduler } from '../scheduling/scheduler';
import type { ActionPlanRecord } from './action-plan-records';
import { allPlans, changePlan } from './action-plan-records';

export interface PlanDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}

/** One measure's task, made once: its id comes from the plan, so a second pass finds it made. */
async function carry(deps: PlanDeps, task: FollowUpTask, by: string, now: Date): Promise<void> {
  try {
    await deps.store.create<FollowUpTask>(FOLLOW_UPS, task.id, task);
    await audit(deps.store, {
      kind: 'follow-up.created',
      memberId: by,
      at: now.toISOString(),
      details: { taskId: task.id, meetingId: task.meetingId, actionPlan: true },
    });
  } catch (e) {
    if (!isStoreError(e, 'STORE.ALREADY_EXISTS')) throw e;
  }
  // Job ids name the task and the reminder: scheduling again makes no second reminder.
  await deps.scheduler.scheduleMany(reminderJobs(task, now));
}

async function adoptOne(
  deps: PlanDeps,
  org: Organisation,
  plan: ActionPlanRecord,
  meeting: Meeting,
  minutes: Minutes,
  by: string,
): Promise<ActionPlanRecord | undefined> {
  const at = plan.presented;
  if (!at || !decisionsOf(meeting, minutes).some((d) => d.itemId === at.itemId)) return undefined;
  const drafts = adoptionDrafts(plan, at.itemId);
  if (!drafts.ok) return undefined;
  const now = deps.clock.now();
  const notCarried: NonNullable<ActionPlanRecord['notCarried']>[number][] = [];
  // The tasks first, the plan marked adopted last: a process that dies between them adopts again next time.
  for (const draft of drafts.value) {
    const task = createFollowUp(meeting, minutes, org, draft, now);
    if (task.ok) await carry(deps, task.value, by, now);
    else notCarried.push({ measureTaskId: draft.id, error: task.error });
  }
  const adopted = await changePlan(deps.store, plan.year, now, (current) => {
    const next = adoptPlan(current, at);
    return next.ok ? ok({ ...next.value, adoptedAt: now.toISOString(), notCarried }) : next;
  });
  if (!adopted.ok) return undefined;
  await audit(deps.store, {
    kind: 'action-plan.adopted',
    memberId: by,
    at: now.toISOString(),
    details: {
      year: plan.year,
      meetingId: meeting.id,
      itemId: at.itemId,
      tasks: drafts.value.length - notCarried.length,
    },
  });
  return adopted.value;
}

/**
 * After the minutes of a meeting are saved: a plan presented at it whose case now has its
 * vedtak is adopted, and each of its measures becomes a follow-up task of that decision, with
 * the owner, the due date and the reminders every task has. Asking for the plan runs it too.
 */
export async function adoptPlansDecidedAt(
  deps: PlanDeps,
  org: Organisation,
  meetingId: string,
  by: string,
): Promise<ActionPlanRecord[]> {
  const waiting = (await allPlans(deps.store)).filter((p) => p.presented?.meetingId === meetingId && !p.adopted);
  if (waiting.length === 0) return [];
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const minutes = (await loadMinutes(deps.store, meetingId))?.value.minutes;
  if (!meeting || !minutes) return [];
  const adopted: ActionPlanRecord[] = [];
  for (const plan of waiting) {
    const done = await adoptOne(deps, org, plan, meeting, minutes, by);
    if (done) adopted.push(done);
  }
  return adopted;
}
