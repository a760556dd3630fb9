import { foldText } from '../../domain/fold-text';
import type { Meeting } from '../../domain/meeting';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { MEETINGS } from '../meetings/meeting-records';
import type { Picked } from './pick';
import { choose, NEXT } from './pick';
import { splitNamedMeeting } from './named-meeting';

/** What `avlys møte` was given: the meeting it names (if any), the words that named it, and the reason. */
export interface CancelPick {
  readonly picked: Picked<Meeting>;
  /** The words that named the meeting, when they were read from the front of the text. */
  readonly ref?: string;
  readonly reason: string;
}

/**
 * The meeting to cancel. Only planned meetings that have not begun are offered; a name (an id,
 * "neste", or a title read from the front of the text) may still find one that is cancelled or
 * past, so that the answer can say why it cannot be cancelled. Nothing named: every coming
 * meeting is a candidate, never just the next one, and the caller asks even when there is one.
 */
export async function pickMeetingToCancel(
  store: RecordStore,
  input: { readonly meeting?: string | undefined; readonly reason?: string | undefined },
  now: Date,
): Promise<CancelPick> {
  const all = await store.find<Meeting>(MEETINGS);
  const coming = all
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.start) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start));
  const reason = input.reason?.trim() ?? '';
  const title = (m: Meeting) => m.title;
  if (input.meeting) {
    if (NEXT.has(foldText(input.meeting))) return { picked: oneOrNone(coming.slice(0, 1)), reason };
    return { picked: choose(input.meeting, all, coming, title), reason };
  }
  const named = reason
    ? splitNamedMeeting(
        reason,
        all.map((m) => m.value.title),
      )
    : undefined;
  if (named) return { picked: choose(named.ref, all, coming, title), ref: named.ref, reason: named.rest };
  return { picked: oneOrNone(coming), reason };
}

function oneOrNone(list: readonly StoredRecord<Meeting>[]): Picked<Meeting> {
  if (list.length === 1) return { kind: 'one', record: list[0]! };
  return list.length ? { kind: 'several', candidates: list } : { kind: 'none' };
}
