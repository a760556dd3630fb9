import { osloDate as osloDay } from '../../domain/oslo-time';
import { membersOn } from '../cooperation/withdrawal-records';
import type { InputRequest } from '../../domain/input-request';
import { planInputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { PreMeeting } from '../../domain/pre-meeting';
import { derivePreMeeting, followMainMeeting, preMeetingRuleOf } from '../../domain/pre-meeting';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { upsert } from '../../ports/record-store';
import { INPUT_REQUESTS, loadRequest } from '../input/input-records';
import { scheduleInputJobs } from '../input/input-jobs';
import type { JobScheduler } from '../scheduling/scheduler';
import { PRE_MEETINGS } from './announcement-records';
import { scheduleNotice } from './send-meeting-notice';

/*
 * What follows from a meeting being planned, moved or cancelled: its formøte (by the body's
 * rule), the input request with its cards, reminders and summary, and the announcement.
 * Each write is keyed by the meeting, so running one of these twice changes nothing more.
 */
export interface FollowDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}

export async function meetingPlanned(deps: FollowDeps, org: Organisation, meeting: Meeting): Promise<void> {
  const now = deps.clock.now();
  const rule = ruleFor(org, meeting);
  let pre: PreMeeting | undefined;
  if (rule) {
    const derived = derivePreMeeting(rule, meeting, org, now);
    if (derived.ok) pre = await keep(deps.store, PRE_MEETINGS, meeting.id, derived.value.preMeeting);
  }
  // Cards go out at the default lead time; `be om innspill` asks at once instead.
  // A municipality that has left by the meeting is not asked (its notice's effective date).
  const planned = planInputRequest(meeting, pre, await membersOn(deps.store, org, osloDay(meeting.start)), {}, now);
  if (planned.ok)
    await scheduleInputJobs(deps.scheduler, await keep(deps.store, INPUT_REQUESTS, meeting.id, planned.value));
  await scheduleNotice(deps.scheduler, meeting, 'planned', now);
}

/**
 * A moved meeting moves its formøte and plans its input request again from the new times.
 * Returns the formøte as it now stands, for the answer to show.
 */
export async function meetingMoved(
  deps: FollowDeps,
  org: Organisation,
  meeting: Meeting,
): Promise<PreMeeting | undefined> {
  const now = deps.clock.now();
  const pre = await followPre(deps, org, meeting);
  const earlier = await loadRequest(deps.store, meeting.id);
  if (earlier) {
    const planned = planInputRequest(meeting, pre, earlier.municipalities, {}, now);
    if (planned.ok) {
      // Cards already sent are not sent again: a card from before the move is refused as stale when
      // submitted and replaced by a fresh one with the new deadline.
      const sent = Date.parse(earlier.sendAt) <= now.getTime();
      const request: InputRequest = sent ? { ...planned.value, sendAt: earlier.sendAt } : planned.value;
      await upsert<InputRequest>(deps.store, INPUT_REQUESTS, meeting.id, () => request);
      await scheduleInputJobs(deps.scheduler, request);
    }
  }
  await scheduleNotice(deps.scheduler, meeting, 'moved', now);
  return pre;
}

/** The input jobs find the meeting cancelled and do nothing; the formøte is cancelled with it. */
export async function meetingCancelled(deps: FollowDeps, org: Organisation, meeting: Meeting): Promise<void> {
  await followPre(deps, org, meeting);
  await scheduleNotice(deps.scheduler, meeting, 'cancelled', deps.clock.now());
}

async function followPre(deps: FollowDeps, org: Organisation, meeting: Meeting): Promise<PreMeeting | undefined> {
  const rule = ruleFor(org, meeting);
  const stored = await upsert<PreMeeting>(deps.store, PRE_MEETINGS, meeting.id, (pre) => {
    if (!pre || !rule) return undefined;
    const followed = followMainMeeting(pre, rule, meeting);
    return followed === pre ? undefined : followed;
  });
  return stored?.value;
}

function ruleFor(org: Organisation, meeting: Meeting) {
  const body = org.bodies.find((b) => b.id === meeting.bodyId);
  return body && preMeetingRuleOf(body);
}

/** Creates the record unless there is one, and returns what is stored. */
async function keep<T>(store: RecordStore, list: string, id: string, value: T): Promise<T> {
  return (await upsert<T>(store, list, id, (current) => (current === undefined ? value : undefined)))?.value ?? value;
}
