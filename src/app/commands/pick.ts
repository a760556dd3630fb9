import { foldText } from '../../domain/fold-text';
import type { Meeting } from '../../domain/meeting';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import type { HearingRecord } from '../hearings/hearing-records';
import { HEARINGS } from '../hearings/hearing-records';
import { MEETINGS } from '../meetings/meeting-records';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { VoteRecord } from '../voting/vote-records';
import { VOTES } from '../voting/vote-records';
import { echo } from './grammar/echo';

/**
 * Pick, don't type: a meeting, vote or hearing named by its short id, a title fragment or
 * "neste"/"next". One candidate is taken without asking; several are offered as buttons.
 */
export type Picked<T> =
  | { readonly kind: 'one'; readonly record: StoredRecord<T> }
  | { readonly kind: 'several'; readonly candidates: readonly StoredRecord<T>[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly ref: string };

export const NEXT = new Set(['neste', 'next', 'neste mote', 'next meeting']);

/** By id among all; else by title fragment, among the preferred first, then among all. */
export function choose<T>(
  ref: string,
  all: readonly StoredRecord<T>[],
  open: readonly StoredRecord<T>[],
  title: (v: T) => string,
): Picked<T> {
  const wanted = foldText(ref);
  const byId = all.find((r) => foldText(r.id) === wanted);
  if (byId) return { kind: 'one', record: byId };
  const matching = (list: readonly StoredRecord<T>[]) => list.filter((r) => foldText(title(r.value)).includes(wanted));
  const found = matching(open).length ? matching(open) : matching(all);
  if (found.length === 1) return { kind: 'one', record: found[0]! };
  return found.length ? { kind: 'several', candidates: found } : { kind: 'unknown', ref };
}

const fromOpen = <T>(open: readonly StoredRecord<T>[]): Picked<T> =>
  open.length === 1
    ? { kind: 'one', record: open[0]! }
    : open.length
      ? { kind: 'several', candidates: open }
      : { kind: 'none' };

/** Without a name, the next planned meeting (what meeting commands have always meant). */
export async function pickMeeting(store: RecordStore, ref: string | undefined, now: Date): Promise<Picked<Meeting>> {
  const all = await store.find<Meeting>(MEETINGS);
  const coming = all
    .filter((m) => m.value.state === 'planned' && Date.parse(m.value.end) > now.getTime())
    .sort((a, b) => a.value.start.localeCompare(b.value.start));
  if (!ref || NEXT.has(foldText(ref))) return coming[0] ? { kind: 'one', record: coming[0] } : { kind: 'none' };
  return choose(ref, all, coming, (m) => m.title);
}

/** Without a name, the open vote if only one is open. A case number names its latest vote. */
export async function pickVote(store: RecordStore, ref: string | undefined): Promise<Picked<VoteRecord>> {
  const all = await store.find<VoteRecord>(VOTES);
  const open = all.filter((v) => v.value.state === 'open');
  if (!ref || NEXT.has(foldText(ref))) return fromOpen(open);
  const byCaseNumber = [...all].reverse().find((v) => v.value.caseNumber === ref.trim());
  if (byCaseNumber) return { kind: 'one', record: byCaseNumber };
  return choose(ref, all, open, (v) => `${v.title} ${v.caseNumber ?? ''}`);
}

/** Without a name, the open hearing if only one is open; the nearest deadline first. */
export async function pickHearing(store: RecordStore, ref: string | undefined): Promise<Picked<HearingRecord>> {
  const all = await store.find<HearingRecord>(HEARINGS);
  const open = all
    .filter((h) => h.value.state === 'open')
    .sort((a, b) => a.value.internalDeadline.localeCompare(b.value.internalDeadline));
  if (!ref || NEXT.has(foldText(ref))) return fromOpen(open);
  return choose(ref, all, open, (h) => h.title);
}

/** Longest arguments typed again on a choice button; beyond it the button names only the id. */
export const MAX_RETYPED = 300;

export interface Candidate {
  readonly id: string;
  readonly title: string;
}

/**
 * The question "which one?" as a card: each button types the command again with the id in
 * place of what was typed, so the answer goes through the same command and its checks.
 */
export function choiceReply(
  t: Translator,
  question: string,
  commandId: string,
  candidates: readonly Candidate[],
  typedRef: string | undefined,
  args: string,
): Reply {
  const name = t.t(`command.${commandId}.name`);
  const retype = (id: string) => {
    // What was typed rides on every button: a long text would make the card too large for Teams.
    if ([...args].length > MAX_RETYPED) return `${name} ${id}`;
    const rest = typedRef ? args.replace(typedRef, id) : `${id} ${args}`;
    return `${name} ${rest}`.replace(/\s+/g, ' ').trim();
  };
  return card('choose', {
    question,
    choices: candidates.slice(0, 10).map((c) => ({ title: `${c.title} (${c.id})`, value: retype(c.id) })),
  });
}

export const meetingCandidate =
  (t: Translator) =>
  (m: StoredRecord<Meeting>): Candidate => ({
    id: m.id,
    title: `${m.value.title}, ${formatDateTime(new Date(m.value.start), t.locale)}`,
  });
export const voteCandidate = (v: StoredRecord<VoteRecord>): Candidate => ({ id: v.id, title: v.value.title });
export const hearingCandidate = (h: StoredRecord<HearingRecord>): Candidate => ({ id: h.id, title: h.value.title });

export interface PickWords {
  readonly commandId: string;
  /** What was typed for the reference (undefined when nothing was) and all the arguments. */
  readonly typedRef: string | undefined;
  readonly args: string;
  /** The answer when there is nothing to pick from, when the name fits nothing, and the question. */
  readonly none: string;
  readonly unknown: (ref: string) => string;
  readonly which: string;
}

/** The record picked, or the reply to give instead: nothing found, or which of several. */
export function pickedOrReply<T>(
  picked: Picked<T>,
  t: Translator,
  words: PickWords,
  candidate: (r: StoredRecord<T>) => Candidate,
): { record: StoredRecord<T> } | { reply: Reply } {
  switch (picked.kind) {
    case 'one':
      return { record: picked.record };
    case 'none':
      return { reply: { kind: 'text', text: words.none } };
    case 'unknown':
      return { reply: { kind: 'text', text: words.unknown(echo(picked.ref)) } };
    case 'several':
      return {
        reply: choiceReply(
          t,
          words.which,
          words.commandId,
          picked.candidates.map(candidate),
          words.typedRef,
          words.args,
        ),
      };
  }
}
