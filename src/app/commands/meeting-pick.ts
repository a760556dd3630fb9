import type { Meeting } from '../../domain/meeting';
import type { StoredRecord } from '../../ports/record-store';
import type { Reply } from '../reply';
import type { DeclaredCommandContext } from './grammar/declare-command';
import type { ArgsSchema } from './grammar/args';
import { echo } from './grammar/echo';
import { meetingCandidate, pickedOrReply, pickMeeting } from './pick';

/** The meeting a declared command's `meeting` argument names, or the reply to give instead. */
export async function meetingArg<S extends ArgsSchema>(
  ctx: DeclaredCommandContext<S>,
  commandId: string,
  ref: string | undefined,
  store: Parameters<typeof pickMeeting>[0],
  now: Date,
): Promise<{ record: StoredRecord<Meeting> } | { reply: Reply }> {
  const { t, actor } = ctx;
  return pickedOrReply(
    await pickMeeting(store, ref, now),
    t,
    {
      commandId,
      typedRef: ctx.typed.meeting,
      args: ctx.args,
      none: t.t(actor.roles.has('coordinator') ? 'meetings.none-coordinator' : 'meetings.none'),
      unknown: (r) => t.t('error.MEETING.UNKNOWN', { meeting: r }),
      which: t.t('pick.meeting.several', { ref: echo(ref ?? '') }),
    },
    meetingCandidate(t),
  );
}
