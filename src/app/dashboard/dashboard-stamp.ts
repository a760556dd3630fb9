import { createHash } from 'node:crypto';
import type { Hearing } from '../../domain/hearing';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import type { Locale } from '../../i18n/locale';
import type { ListName, StoredRecord } from '../../ports/record-store';
import { DELIVERY_FAILURES } from '../delivery/delivery-failures';
import { FOLLOW_UPS } from '../follow-up/follow-up-records';
import { HEARING_RESPONSES, HEARINGS } from '../hearings/hearing-records';
import { INPUT_ANSWERS, INPUT_REQUESTS } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { JOBS } from '../scheduling/job';
import { BALLOT_BOXES, VOTES } from '../voting/vote-records';
import { shownMeetings, type DashboardDeps } from './dashboard';
import { reminderJobs } from './hearing-reminders';

/**
 * The dashboard's eTag from version stamps, without building the view. Each store write gives a
 * record a new eTag, so the stamp is the eTag (and last change) of every record the view is made
 * from: the meetings shown, their input requests and answers, the open hearings and their
 * responses and reminder jobs, the open votes and their ballot boxes, the follow-up tasks, the delivery failures
 * and the failed jobs. The view also changes with time (a meeting over drops off, a task's due
 * day passes), with the organisation (names) and with the reader's language: the day in Oslo,
 * the shown meetings' ids, the organisation and the language are in the stamp too. No summary,
 * matrix or text is made, so a poll that finds nothing changed costs the reads and a hash.
 * Whatever changes the view changes the stamp; a stamp that changes while the view does not
 * (a draft saved again as it was) costs one full answer, never a missed update.
 */
export async function dashboardStamp(
  deps: Pick<DashboardDeps, 'store' | 'clock'>,
  org: Organisation,
  locale: Locale,
): Promise<string> {
  const { store } = deps;
  const now = deps.clock.now();
  const meetings = shownMeetings(await store.find<Meeting>(MEETINGS, { state: 'planned' }), now);
  const [requests, answers, hearings, votes, tasks, failures, failedJobs] = await Promise.all([
    Promise.all(meetings.map((m) => store.get(INPUT_REQUESTS, m.id))),
    Promise.all(meetings.map((m) => store.find(INPUT_ANSWERS, { meetingId: m.id }))),
    store.find<Hearing>(HEARINGS, { state: 'open' }),
    store.find(VOTES, { state: 'open' }),
    store.find(FOLLOW_UPS),
    store.find(DELIVERY_FAILURES),
    store.find(JOBS, { state: 'failed' }),
  ]);
  const [responses, reminders, boxes] = await Promise.all([
    Promise.all(hearings.map((h) => store.find(HEARING_RESPONSES, { hearingId: h.id }))),
    Promise.all(hearings.map((h) => reminderJobs(store, h.value))),
    Promise.all(votes.map((v) => store.get(BALLOT_BOXES, v.id))),
  ]);
  const hash = createHash('sha256');
  hash.update(`${locale} ${osloDate(now.toISOString())} ${organisationStamp(org)}`);
  // The shown meetings in the order shown; the lists found in id order, however the store returns them.
  stampList(hash, MEETINGS, meetings);
  stampList(hash, INPUT_REQUESTS, requests);
  stampList(hash, INPUT_ANSWERS, byId(answers.flat()));
  stampList(hash, HEARINGS, byId(hearings));
  stampList(hash, HEARING_RESPONSES, byId(responses.flat()));
  stampList(hash, VOTES, byId(votes));
  stampList(hash, BALLOT_BOXES, boxes);
  stampList(hash, FOLLOW_UPS, byId(tasks));
  stampList(hash, DELIVERY_FAILURES, byId(failures));
  stampList(hash, JOBS, byId(failedJobs));
  // The hearings' reminder jobs, in the hearings' id order and each hearing's time order.
  stampList(
    hash,
    JOBS,
    byId(hearings).flatMap((h) => reminders[hearings.indexOf(h)]!.map((r) => r.job)),
  );
  return `"${hash.digest('base64url').slice(0, 27)}"`;
}

const byId = <R extends { readonly id: string }>(records: readonly R[]): R[] =>
  [...records].sort((a, b) => a.id.localeCompare(b.id));

/**
 * A list's records by id, eTag and last change (`-` where a record is missing). The last change
 * too because an adapter may start a re-created record's eTag over (SQLite's versions do).
 */
function stampList(
  hash: ReturnType<typeof createHash>,
  list: ListName,
  records: readonly (StoredRecord<unknown> | undefined)[],
): void {
  hash.update(`\n${list}`);
  for (const r of records) hash.update(r ? ` ${r.id}:${r.etag}:${r.modified}` : ' -');
}

/** The organisation is replaced, not changed, when it is reloaded: hashed once per object. */
const organisationStamps = new WeakMap<Organisation, string>();
function organisationStamp(org: Organisation): string {
  let stamp = organisationStamps.get(org);
  if (!stamp) {
    stamp = createHash('sha256').update(JSON.stringify(org)).digest('base64url').slice(0, 16);
    organisationStamps.set(org, stamp);
  }
  return stamp;
}
