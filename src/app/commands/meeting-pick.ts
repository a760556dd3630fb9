import type { Meeting } from '../../domain/meeting';
import type { StoredRecord } from '../../ports/record-store';
import type { Reply } from '../reply';
import type { DeclaredCommandContext } from './grammar/declare-command';
import type { ArgsSchema } from './grammar/args';
import { echo } from './grammar/echo';
import { MEETINGS } from '../meetings/meeting-records';
import { isWholeTitle, splitNamedMeeting } from './named-meeting';
import { meetingCandidate, pickedOrReply, pickMeeting } from './pick';
import { meetingOrTextReply } from './meeting-or-text';
import { separatorWasText } from './grammar/separator';

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
 * For commands whose meeting comes before free text (`meld forfall [møte:] [grunn]`,
 * `ny sak [møte:] [tittel]`): an id, "neste" or a name ended by a colon or quotes is the meeting
 * (separator.ts); a name that fits no meeting was part of the text ("Høring: regional plan").
 * Without a separator, title words at the front of the text ("januar Syk") are only a guess: the
 * whole text naming a meeting is that meeting, and so is a whole title before the text; part of
 * a title followed by more words is asked about, unless the meeting is the same either way. `textArg` is the text argument's name.
 */
export async function meetingAndText<S extends ArgsSchema>(
  ctx: DeclaredCommandContext<S>,
  commandId: string,
  textArg: string,
  given: { readonly meeting: string | undefined; readonly text: string | undefined },
  store: Parameters<typeof pickMeeting>[0],
  now: Date,
): Promise<{ record: StoredRecord<Meeting>; text: string } | { reply: Reply }> {
  let text = given.text ?? '';
  if (given.meeting !== undefined) {
    const picked = await pickMeeting(store, given.meeting, now);
    if (!(picked.kind === 'unknown' && separatorWasText(ctx.typed.meeting, given.meeting))) {
      const found = await meetingArg(ctx, commandId, given.meeting, store, now);
      return 'reply' in found ? found : { record: found.record, text };
    }
    text = ctx.args.trim();
  }
  const next = await pickMeeting(store, undefined, now);
  const coming = (await store.find<Meeting>(MEETINGS)).filter(
    (m) => m.value.state === 'planned' && Date.parse(m.value.end) > now.getTime(),
  );
  const named = text
    ? splitNamedMeeting(
        text,
        coming.map((m) => m.value.title),
      )
    : undefined;
  if (named) {
    const picked = await pickMeeting(store, named.ref, now);
    const fits = picked.kind === 'one' ? [picked.record] : picked.kind === 'several' ? picked.candidates : [];
    const others = next.kind === 'one' && !fits.some((m) => m.id === next.record.id) ? [next.record] : [];
    const wholeTitle = fits.length === 1 && isWholeTitle(named.ref, fits[0]!.value.title);
    if (named.rest && fits.length > 0 && others.length > 0 && !wholeTitle)
      return { reply: meetingOrTextReply(ctx.t, commandId, textArg, { ...named, whole: text, named: fits, others }) };
    // The choice buttons type the command again with the id in place of the title words.
    const asTyped = { ...ctx, typed: { ...ctx.typed, meeting: named.ref }, args: `${named.ref} ${named.rest}`.trim() };
    const found = await meetingArg(asTyped, commandId, named.ref, store, now);
    return 'reply' in found ? found : { record: found.record, text: named.rest };
  }
  const found = await meetingArg(ctx, commandId, undefined, store, now);
  return 'reply' in found ? found : { record: found.record, text };
}
