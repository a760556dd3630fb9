import { createHash } from 'node:crypto';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import type { Locale } from '../../i18n/locale';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { DELIVERY_FAILURES } from '../delivery/delivery-failures';
import { FOLLOW_UPS } from '../follow-up/follow-up-records';
import { HEARING_RESPONSES, HEARINGS } from '../hearings/hearing-records';
import { INPUT_ANSWERS, INPUT_REQUESTS } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import { BALLOT_BOXES, VOTES } from '../voting/vote-records';
import { shownMeetings, type DashboardDeps } from './dashboard';

/**
 * The dashboard's eTag from version stamps, without building the view: the eTag of every record
 * the view is made from (each store write gives a record a new one), the day in Oslo and which
 * meetings are not over yet (the view changes with time too), the failed jobs' last change, the
 * organisation (names) and the reader's language. No summary, matrix or text is made, so a poll
 * that finds nothing changed costs the reads and a hash. Whatever changes the view changes one
 * of these; a stamp that changes while the view does not only costs one full answer.
 */
export async function dashboardStamp(deps: DashboardDeps, org: Organisation, locale: Locale): Promise<string> {
  const { store } = deps;
  const now = deps.clock.now();
  const meetings = shownMeetings(await store.find<Meeting>(MEETINGS, { state: 'planned' }), now);
  const [requests, answers, hearings, votes, tasks, failures, failedJobs] = await Promise.all([
    Promise.all(meetings.map((m) => store.get(INPUT_REQUESTS, m.id))),
    Promise.all(meetings.map((m) => store.find(INPUT_ANSWERS, { meetingId: m.id }))),
    store.find(HEARINGS, { state: 'open' }),
    store.find(VOTES, { state: 'open' }),
    store.find(FOLLOW_UPS),
    store.find(DELIVERY_FAILURES),
    deps.scheduler.list({ state: 'failed' }),
  ]);
  const [responses, boxes] = await Promise.all([
    Promise.all(hearings.map((h) => store.find(HEARING_RESPONSES, { hearingId: h.id }))),
    Promise.all(votes.map((v) => store.get(BALLOT_BOXES, v.id))),
  ]);
  const hash = createHash('sha256');
  const add = (list: string, records: readonly (StoredRecord<unknown> | undefined)[]) => {
    hash.update(`\n${list}`);
    for (const r of records) hash.update(r ? ` ${r.id}:${r.etag}` : ' -');
  };
  hash.update(`${locale} ${osloDate(now.toISOString())} ${organisationStamp(org)}`);
  add(MEETINGS, meetings);
  add(INPUT_REQUESTS, requests);
  add(INPUT_ANSWERS, answers.flat());
  add(HEARINGS, hearings);
  add(HEARING_RESPONSES, responses.flat());
  add(VOTES, votes);
  add(BALLOT_BOXES, boxes);
  add(FOLLOW_UPS, tasks);
  add(DELIVERY_FAILURES, failures);
  hash.update(`\njobs ${failedJobs.map((j) => `${j.id}:${j.finishedAt ?? j.updatedAt}`).join(' ')}`);
  return `"${hash.digest('base64url').slice(0, 27)}"`;
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
