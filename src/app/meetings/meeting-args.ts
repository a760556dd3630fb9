import type { InputRequest } from '../../domain/input-request';
import type { Meeting } from '../../domain/meeting';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { loadRequest } from '../input/input-records';
import { text } from '../reply';
import type { Reply } from '../reply';
import { findMeeting } from './meeting-records';

type Found<T> = T | { readonly reply: Reply };

/**
 * What meeting commands take: `<command> [meeting id] [rest]`. The first word names a
 * meeting when it is one's id; otherwise the command is about the next meeting and the
 * whole text is the rest (a reason, a title).
 */
export async function meetingFromArgs(
  store: RecordStore,
  t: Translator,
  args: string,
  now: Date,
  /** The coordinator is not told that "the coordinator" creates meetings. */
  coordinator = false,
): Promise<Found<{ meeting: StoredRecord<Meeting>; rest: string }>> {
  const [first = '', ...words] = args.trim().split(/\s+/);
  // "neste"/"next" names the next meeting as plainly as leaving it out.
  if (/^(neste|next)$/i.test(first)) return meetingFromArgs(store, t, words.join(' '), now, coordinator);
  const named = first ? await findMeeting(store, first, now) : undefined;
  const meeting = named ?? (await findMeeting(store, '', now));
  if (!meeting) return { reply: text(t.t(coordinator ? 'meetings.none-coordinator' : 'meetings.none')) };
  return { meeting, rest: (named ? words.join(' ') : args).trim() };
}

/** A meeting named exactly (or the next one when nothing is named), with its input request. */
export async function meetingWithRequest(
  store: RecordStore,
  t: Translator,
  args: string,
  now: Date,
): Promise<Found<{ meeting: StoredRecord<Meeting>; request: InputRequest }>> {
  const named = args.trim();
  const meeting = await findMeeting(store, named, now);
  if (!meeting) return { reply: text(named ? t.t('error.MEETING.UNKNOWN', { meeting: named }) : t.t('meetings.none')) };
  const request = await loadRequest(store, meeting.id);
  if (!request) return { reply: text(t.t('error.INPUT.NO_REQUEST', { meeting: meeting.id })) };
  return { meeting, request };
}
