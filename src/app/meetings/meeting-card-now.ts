import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import type { Reply } from '../reply';
import { loadPreMeeting } from './announcement-records';
import { meetingCard } from './meeting-view';

/**
 * The meeting card with its formøte, wherever the card is shown (the form's answer,
 * `saksliste`, an agenda change): the formøte is planned with the meeting and stored beside it.
 */
export async function meetingCardNow(
  store: RecordStore,
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  notice = '',
): Promise<Reply> {
  const pre = await loadPreMeeting(store, meeting.id);
  return meetingCard(org, t, meeting, notice, pre ? { preMeeting: pre } : {});
}
