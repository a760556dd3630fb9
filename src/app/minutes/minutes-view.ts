import type { Meeting } from '../../domain/meeting';
import type { Notice } from '../notice';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { SignedLinks } from '../exports/signed-links';
import { bodyMeetings, MEETINGS } from '../meetings/meeting-records';
import { libraryUrl } from '../archive/archive-records';
import type { Reply } from '../reply';
import { text } from '../reply';
import type { MinutesViewer } from './minutes-card';
import { minutesCard } from './minutes-card';
import { minutesForm } from './minutes-form';
import type { MinutesRecord } from './minutes-records';
import { loadMinutes } from './minutes-records';
import { itemVotesFor, closedItemVotes } from './minutes-votes';

export interface MinutesViewDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly links: SignedLinks;
}

/** Signed links to the minutes as DOCX and Markdown, in the reader's language. */
export function minutesLinks(links: SignedLinks, meetingId: string, t: Translator, now: Date) {
  const file = (ext: string) => `${links.link(`/exports/${meetingId}/protokoll.${ext}`, now)}&lang=${t.locale}`;
  return { docx: file('docx'), markdown: file('md') };
}

/** The minutes card as it stands, for this viewer; a message when there are none yet. */
export async function showMinutes(
  deps: MinutesViewDeps,
  org: Organisation,
  t: Translator,
  meetingId: string,
  viewer: MinutesViewer,
  notice: Notice | string = '',
  typed?: Readonly<Record<string, unknown>>,
): Promise<Reply> {
  const meeting = (await deps.store.get<Meeting>(MEETINGS, meetingId))?.value;
  const record = meeting && (await loadMinutes(deps.store, meetingId));
  if (!meeting) return text(t.t('error.MEETING.UNKNOWN', { meeting: meetingId }));
  if (!record) return text(t.t('error.MINUTES.UNKNOWN', { meeting: meetingId }));
  const meetings = (await bodyMeetings(deps.store, meeting.bodyId)).map((r) => r.value);
  const library = await libraryUrl(deps.store, 'minutes', meetingId);
  return minutesCard(
    org,
    t,
    { meeting, record: record.value, meetings },
    viewer,
    { ...minutesLinks(deps.links, meetingId, t, deps.clock.now()), library },
    notice,
    typed,
  );
}

/** The form filled from the stored minutes and the closed votes on the meeting's cases. */
export async function showMinutesForm(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  record: MinutesRecord,
  notice: Notice | string = '',
  typed?: Readonly<Record<string, unknown>>,
): Promise<Reply> {
  const votes = itemVotesFor(
    await closedItemVotes(store, meeting.id),
    meeting.agenda,
    record.minutes.content.attendance,
  );
  return minutesForm(org, t, meeting, record, votes, notice, typed);
}
