import { foldText } from '../../domain/fold-text';
import type { Meeting } from '../../domain/meeting';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { MEETINGS } from '../meetings/meeting-records';
import type { Picked } from './pick';
import { choose, NEXT } from './pick';
import { isWholeTitle, splitNamedMeeting } from './named-meeting';
import type { MeetingOrText } from './meeting-or-text';
import { separatorWasText } from './grammar/separator';

/** What `avlys møte` was given: the meeting it names (if any), the words that named it, and the reason. */
export interface CancelPick {
  readonly picked: Picked<Meeting>;
  /** The words that named the meeting (the grammar's, or read from the front of the text). */
  readonly ref?: string;
  readonly reason: string;
  /** Part of a title at the front of the reason, with no colon: the person is asked which was meant. */
  readonly ambiguous?: MeetingOrText;
}

export interface CancelInput {
  readonly meeting?: string | undefined;
  readonly reason?: string | undefined;
  /** The words typed for the meeting, and all the arguments: a name ended by a colon that fits no meeting was the reason's. */
  readonly typedMeeting?: string | undefined;
  readonly args?: string;
}

/**
 * The meeting to cancel. Only planned meetings that have not begun are offered; a name (an id,
 * "neste", a name ended by a colon, or a title read from the front of the text) may still find
 * one that is cancelled or past, so that the answer can say why it cannot be cancelled. Nothing
 * named: every coming meeting is a candidate, never just the next one, and the caller asks even
 * when there is one. Part of a coming meeting's title before more words, with no colon, may be
 * the reason's first words: the caller asks (`ambiguous`), offering the other meetings too.
 */
export async function pickMeetingToCancel(store: RecordStore, input: CancelInput, now: Date): Promise<CancelPick> {
  const all = await store.find<Meeting>(MEETINGS);
  const coming = all
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.start) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start));
  let reason = input.reason?.trim() ?? '';
  const title = (m: Meeting) => m.title;
  if (input.meeting) {
    if (NEXT.has(foldText(input.meeting))) return { picked: oneOrNone(coming.slice(0, 1)), reason };
    const picked = choose(input.meeting, all, coming, title);
    // "Høring: ny plan" names no meeting: the colon was the reason's.
    if (!(picked.kind === 'unknown' && separatorWasText(input.typedMeeting, input.meeting)))
      return { picked, ref: input.meeting, reason };
    reason = input.args?.trim() ?? reason;
  }
  const named = reason
    ? splitNamedMeeting(
        reason,
        all.map((m) => m.value.title),
      )
    : undefined;
  if (!named) return { picked: oneOrNone(coming), reason };
  const picked = choose(named.ref, all, coming, title);
  const fits = (picked.kind === 'one' ? [picked.record] : picked.kind === 'several' ? picked.candidates : []).filter(
    (m) => coming.includes(m),
  );
  const others = coming.filter((m) => !fits.includes(m));
  const wholeTitle = fits.length === 1 && isWholeTitle(named.ref, fits[0]!.value.title);
  if (named.rest && fits.length > 0 && others.length > 0 && !wholeTitle)
    return { picked, reason, ambiguous: { ...named, whole: reason, named: fits, others } };
  return { picked, ref: named.ref, reason: named.rest };
}

function oneOrNone(list: readonly StoredRecord<Meeting>[]): Picked<Meeting> {
  if (list.length === 1) return { kind: 'one', record: list[0]! };
  return list.length ? { kind: 'several', candidates: list } : { kind: 'none' };
}
