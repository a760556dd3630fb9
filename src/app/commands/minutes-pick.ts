import { foldText } from '../../domain/fold-text';
import type { Meeting } from '../../domain/meeting';
import { attendeesOf } from '../../domain/minutes-signing';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { MEETINGS } from '../meetings/meeting-records';
import type { MinutesRecord } from '../minutes/minutes-records';
import { MINUTES } from '../minutes/minutes-records';
import type { Reply } from '../reply';
import type { ArgsSchema } from './grammar/args';
import type { DeclaredCommandContext } from './grammar/declare-command';
import { echo } from './grammar/echo';
import type { Picked } from './pick';
import { choose, meetingCandidate, NEXT, pickedOrReply } from './pick';

/** What the minutes are wanted for: to write (none yet, or a draft) or to approve (a draft). */
export type MinutesPurpose = 'write' | 'approve';

/**
 * The meeting whose minutes a command means. Candidates are the meetings begun and not
 * cancelled whose minutes are still to do; without a name one candidate is taken, several are
 * offered, and with none the latest meeting begun is meant (its minutes as they stand).
 */
export async function pickMinutesMeeting(
  store: RecordStore,
  ref: string | undefined,
  now: Date,
  purpose: MinutesPurpose,
  /**
   * To approve: drafts this member has approved already are no longer hers to do, and a
   * member approves only minutes of a meeting she attended (the coordinator follows them all).
   */
  approver?: { readonly memberId: string; readonly attendedOnly: boolean },
): Promise<Picked<Meeting>> {
  const all = await store.find<Meeting>(MEETINGS);
  const minutes = new Map((await store.find<MinutesRecord>(MINUTES)).map((m) => [m.id, m.value]));
  const begun = all
    .filter((m) => m.value.state !== 'cancelled' && Date.parse(m.value.start) <= now.getTime())
    .sort((a, b) => b.value.start.localeCompare(a.value.start));
  const toDo = begun.filter((m) => {
    const record = minutes.get(m.id);
    if (purpose === 'write') return record?.minutes.status !== 'approved';
    if (record?.minutes.status !== 'draft') return false;
    if (approver?.attendedOnly && !attendeesOf(record.minutes).includes(approver.memberId)) return false;
    return !record.memberApprovals.some((a) => a.memberId === approver?.memberId);
  });
  if (!ref || NEXT.has(foldText(ref))) {
    if (toDo.length > 1) return { kind: 'several', candidates: toDo };
    const only: StoredRecord<Meeting> | undefined = toDo[0] ?? begun[0];
    return only ? { kind: 'one', record: only } : { kind: 'none' };
  }
  return choose(ref, all, toDo.length ? toDo : begun, (m) => m.title);
}

/** The meeting a minutes command's `meeting` argument names, or the reply to give instead. */
export async function minutesMeetingArg<S extends ArgsSchema>(
  ctx: DeclaredCommandContext<S>,
  commandId: string,
  store: RecordStore,
  now: Date,
  purpose: MinutesPurpose,
): Promise<{ record: StoredRecord<Meeting> } | { reply: Reply }> {
  const { t } = ctx;
  const ref = ctx.typed.meeting;
  const named = ref && !NEXT.has(foldText(ref)) ? ref : undefined;
  return pickedOrReply(
    await pickMinutesMeeting(store, ref, now, purpose, {
      memberId: ctx.actor.member.id,
      attendedOnly: !ctx.actor.roles.has('coordinator'),
    }),
    t,
    {
      commandId,
      typedRef: ref,
      args: ctx.args,
      none: t.t('minutes.no-meeting'),
      unknown: (r) => t.t('error.MEETING.UNKNOWN', { meeting: r }),
      which: named ? t.t('pick.meeting.several', { ref: echo(named) }) : t.t(`pick.minutes.which-${purpose}`),
    },
    meetingCandidate(t),
  );
}
