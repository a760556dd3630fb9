import { CANCEL_REASON_MAX, cancelMeeting } from '../../domain/meeting';
import type { Meeting } from '../../domain/meeting';
import { bodyName } from '../../domain/organisation';
import type { Organisation } from '../../domain/organisation';
import type { PreMeeting } from '../../domain/pre-meeting';
import type { Translator } from '../../i18n/catalogue';
import { formatClock, formatLongDate, formatTime } from '../../i18n/dates';
import type { StoredRecord } from '../../ports/record-store';
import { audit } from '../audit';
import { errorText } from '../error-text';
import { card } from '../reply';
import type { Reply } from '../reply';
import { loadPreMeeting } from './announcement-records';
import { meetingCancelled } from './follow-meeting';
import type { MeetingDeps } from './meeting-deps';
import { MEETINGS } from './meeting-records';
import { meetingCard, preMeetingTime } from './meeting-view';
import { replaceMeeting } from './replace-meeting';
import { teamsUserIds } from '../teams-users';

/**
 * Cancelling sends cancellations to everyone called and is not undone, so it is always asked
 * first: the meeting as it stands, what will happen, the reason (editable), and one button.
 */
export function cancelConfirmation(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  pre: PreMeeting | undefined,
  reason: string,
  notice = '',
  shared?: { readonly refreshUserIds: readonly string[] },
): Reply {
  const start = new Date(meeting.start);
  const withPre = pre?.state === 'planned';
  return card('meeting-cancel', {
    heading: t.t('meeting.heading', {
      body: bodyName(org, meeting.bodyId),
      number: meeting.number,
      year: meeting.year,
      id: meeting.id,
    }),
    title: meeting.title,
    facts: [
      {
        label: t.t('meeting.when'),
        value: t.t('meeting.when-value', {
          date: formatLongDate(start, t.locale),
          from: formatTime(start, t.locale),
          to: formatClock(new Date(meeting.end), t.locale),
        }),
      },
      ...(withPre ? [{ label: t.t('meeting.pre-meeting'), value: preMeetingTime(t, pre) }] : []),
    ],
    question: t.t('meeting.cancel.question'),
    consequences: t.t(withPre ? 'meeting.cancel.consequences-pre' : 'meeting.cancel.consequences'),
    labels: {
      reason: t.t('meeting.cancel.reason'),
      reasonHint: t.t('meeting.cancel.reason-hint'),
      confirm: t.t('meeting.cancel.confirm'),
      sharedReason: t.t('meeting.cancel.shared-reason', { reason }),
      sharedNote: t.t('meeting.cancel.shared-note'),
    },
    // Where others read it too, no one is shown the button; Teams refreshes it into the coordinator's view.
    shared: shared !== undefined,
    refreshUserIds: shared?.refreshUserIds ?? [],
    reason,
    reasonMax: CANCEL_REASON_MAX,
    notice,
    meetingId: meeting.id,
    lang: t.locale,
  });
}

/**
 * The confirmation for a stored meeting, with its formøte as stored beside it. In a channel or
 * group chat (`sharedWith`: the coordinator's member id) the card is neutral and refreshed
 * into her view (`meeting.cancel-view`).
 */
export async function confirmCancel(
  deps: Pick<MeetingDeps, 'store'>,
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  reason: string,
  sharedWith?: string,
): Promise<Reply> {
  const pre = await loadPreMeeting(deps.store, meeting.id);
  const shared = sharedWith ? { refreshUserIds: await teamsUserIds(deps.store, [sharedWith]) } : undefined;
  return cancelConfirmation(org, t, meeting, pre, reason, '', shared);
}

/** The confirmation as the person pressing sees it: her own view, or the neutral one for anyone else. */
export async function cancelView(
  deps: Pick<MeetingDeps, 'store'>,
  org: Organisation,
  t: Translator,
  meetingId: string,
  reason: string,
  own: boolean,
): Promise<Reply> {
  const read = meetingId ? await deps.store.get<Meeting>(MEETINGS, meetingId) : undefined;
  if (!read) return { kind: 'text', text: t.t('error.MEETING.UNKNOWN', { meeting: meetingId }) };
  if (read.value.state !== 'planned') return meetingCard(org, t, read.value);
  const pre = await loadPreMeeting(deps.store, meetingId);
  return cancelConfirmation(org, t, read.value, pre, reason, '', own ? undefined : { refreshUserIds: [] });
}

/**
 * Cancels on the coordinator's confirmation. Pressed twice, or retried after a crash, the
 * meeting is already cancelled: the follow-up (the formøte, the cancellations) is asked for
 * again, keyed by the meeting's version, so nothing goes out twice and nothing is left out.
 */
export async function cancelConfirmed(
  deps: MeetingDeps,
  org: Organisation,
  t: Translator,
  memberId: string,
  meetingId: string,
  reason: string,
): Promise<Reply> {
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const read: StoredRecord<Meeting> | undefined = meetingId
      ? await deps.store.get<Meeting>(MEETINGS, meetingId)
      : undefined;
    if (!read) return { kind: 'text', text: t.t('error.MEETING.UNKNOWN', { meeting: meetingId }) };
    if (read.value.state === 'cancelled') {
      await meetingCancelled(deps, org, read.value);
      return meetingCard(org, t, read.value, t.t('meeting.cancelled-told'));
    }
    const cancelled = cancelMeeting(read.value, now, reason);
    if (!cancelled.ok) {
      const pre = await loadPreMeeting(deps.store, meetingId);
      return cancelConfirmation(org, t, read.value, pre, reason, errorText(t, cancelled.error));
    }
    // Someone else changed it meanwhile (moved it, or cancelled it first): read it again.
    if (!(await replaceMeeting(deps.store, read, cancelled.value))) continue;
    await audit(deps.store, {
      kind: 'meeting.cancelled',
      memberId,
      at: now.toISOString(),
      details: { meetingId },
    });
    await meetingCancelled(deps, org, cancelled.value);
    return meetingCard(org, t, cancelled.value, t.t('meeting.cancelled-told'));
  }
  return { kind: 'text', text: t.t('error.MEETING.CHANGED') };
}
