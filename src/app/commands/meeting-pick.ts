import type { Meeting } from '../../domain/meeting';
import type { StoredRecord } from '../../ports/record-store';
import type { Reply } from '../reply';
import type { DeclaredCommandContext } from './grammar/declare-command';
import type { ArgsSchema } from './grammar/args';
import { echo } from './grammar/echo';
import { MEETINGS } from '../meetings/meeting-records';
import { splitNamedMeeting } from './named-meeting';
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

/**
 * For commands whose meeting comes before free text (`meld forfall [møte] [grunn]`,
 * `ny sak [møte] [tittel]`): the grammar reads only an id or "neste" there, so title words at
 * the front of the text ("januar Syk") are read here, against the coming meetings' titles. The
 * meeting, and the text with those words taken off; or the reply (which of several, none).
 */
export async function meetingAndText<S extends ArgsSchema>(
  ctx: DeclaredCommandContext<S>,
  commandId: string,
  given: { readonly meeting: string | undefined; readonly text: string | undefined },
  store: Parameters<typeof pickMeeting>[0],
  now: Date,
): Promise<{ record: StoredRecord<Meeting>; text: string } | { reply: Reply }> {
  if (given.meeting === undefined && given.text) {
    const coming = (await store.find<Meeting>(MEETINGS)).filter(
      (m) => m.value.state === 'planned' && Date.parse(m.value.end) > now.getTime(),
    );
    const named = splitNamedMeeting(
      given.text,
      coming.map((m) => m.value.title),
    );
    if (named) {
      // The choice buttons type the command again with the id in place of the title words.
      const asTyped = {
        ...ctx,
        typed: { ...ctx.typed, meeting: named.ref },
        args: `${named.ref} ${named.rest}`.trim(),
      };
      const found = await meetingArg(asTyped, commandId, named.ref, store, now);
      return 'reply' in found ? found : { record: found.record, text: named.rest };
    }
  }
  const found = await meetingArg(ctx, commandId, given.meeting, store, now);
  return 'reply' in found ? found : { record: found.record, text: given.text ?? '' };
}
