import { itemsForInput } from './agenda';
import type { AgendaItem } from './agenda-item';
import type { InputRequest } from './input-request';
import { isPastInputDeadline } from './input-request';
import type { Meeting } from './meeting';
import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';
import type { AnswerSubmission, MunicipalAnswer } from './municipal-answer';
import { answersFor, countingOf, historyOf, latestOf, saveAnswer } from './municipal-answer';

/** Standpunkt: a municipality's position on a case before the meeting. */
export type Position = 'support' | 'support-with-changes' | 'against' | 'no-view';
export const positions: readonly Position[] = ['support', 'support-with-changes', 'against', 'no-view'];

/** Room for a paragraph or two per case; longer texts belong in a document linked from it. */
export const INPUT_TEXT_MAX = 2000;

export interface ItemInput {
  readonly itemId: string;
  /** May be missing in a draft; a submitted answer has one for every case. */
  readonly position?: Position;
  readonly text: string;
}

/**
 * Innspill: one version of a municipality's answer for a whole meeting (a MunicipalAnswer):
 * never overwritten, so both the respondent's and the deputy's answers are kept and the later
 * one counts.
 */
export interface InputAnswer extends MunicipalAnswer {
  readonly meetingId: string;
  /** The meeting version the card showed. */
  readonly meetingVersion: number;
  readonly items: readonly ItemInput[];
}

/** What a card sends. */
export interface InputSubmission extends AnswerSubmission {
  readonly meetingId: string;
  readonly meetingVersion: number;
  readonly items: readonly ItemInput[];
}

export interface InputGiven {
  readonly answers: readonly InputAnswer[];
  readonly answer: InputAnswer;
  /** False for a retried card or an answer identical to the latest one. */
  readonly recorded: boolean;
}

/**
 * Saves a draft or submits (saveAnswer's order): a retried card gets its first answer; then
 * the deadline and the meeting's state; then who may answer; then whether the card shows the
 * current agenda; then what it says.
 */
export function giveInput(
  meeting: Meeting,
  request: InputRequest,
  answers: readonly InputAnswer[],
  org: Organisation,
  s: InputSubmission,
  now: Date,
): Result<InputGiven> {
  if (s.meetingId !== meeting.id || request.meetingId !== meeting.id) return fail('INPUT.OTHER_MEETING');
  const saved = saveAnswer(
    answers,
    s,
    {
      replayConflict: () => fail('INPUT.IDEMPOTENCY_CONFLICT'),
      stillOpen: () => {
        if (isPastInputDeadline(request, now)) return fail('INPUT.PAST_DEADLINE', { deadline: request.deadline });
        if (meeting.state !== 'planned') return fail('INPUT.MEETING_CLOSED', { state: meeting.state });
        return undefined;
      },
      answeringFor: () => {
        const mine = answersFor(org, s.givenBy).filter(
          (r) => s.municipality === undefined || r.municipality === s.municipality,
        );
        if (mine.length === 0) return fail('INPUT.NOT_REPRESENTATIVE');
        if (mine.length > 1)
          return fail('INPUT.WHICH_MUNICIPALITY', { choices: mine.map((r) => r.municipality).join(',') });
        if (!request.municipalities.includes(mine[0]!.municipality))
          return fail('INPUT.NOT_ASKED', { municipality: mine[0]!.municipality });
        return ok(mine[0]!);
      },
      cardCurrent: () =>
        s.meetingVersion !== meeting.version ? fail('INPUT.STALE_CARD', { current: meeting.version }) : undefined,
      content: () => contentProblem(meeting, s) ?? ok(s.items.map((i) => ({ ...i, text: i.text.trim() }))),
      isSubject: (a) => a.meetingId === meeting.id,
      sameAs: (latest, items) => sameItems(latest.items, items),
      build: (items, version) => ({ ...version, meetingId: meeting.id, meetingVersion: s.meetingVersion, items }),
    },
    now,
  );
  return saved.ok
    ? ok({ answers: saved.value.all, answer: saved.value.answer, recorded: saved.value.recorded })
    : saved;
}

function contentProblem(meeting: Meeting, s: InputSubmission): Result<never> | undefined {
  const cases = itemsForInput(meeting).map((i) => i.id);
  const named = new Set<string>();
  for (const i of s.items) {
    if (!cases.includes(i.itemId)) return fail('INPUT.UNKNOWN_ITEM', { itemId: i.itemId });
    if (named.has(i.itemId)) return fail('INPUT.DUPLICATE_ITEM', { itemId: i.itemId });
    named.add(i.itemId);
    if (i.position !== undefined && !positions.includes(i.position))
      return fail('INPUT.BAD_POSITION', { itemId: i.itemId });
    if (i.text.trim().length > INPUT_TEXT_MAX)
      return fail('INPUT.TEXT_TOO_LONG', { itemId: i.itemId, max: INPUT_TEXT_MAX });
  }
  if (s.status === 'submitted') {
    // "No view" is an answer; silence is not. A submitted answer takes a stand on every case.
    const missing = cases.find((id) => s.items.find((i) => i.itemId === id)?.position === undefined);
    if (missing) return fail('INPUT.POSITION_REQUIRED', { itemId: missing });
  }
  return undefined;
}

const sameItems = (a: readonly ItemInput[], b: readonly ItemInput[]): boolean =>
  a.length === b.length &&
  a.every((x, k) => x.itemId === b[k]?.itemId && x.position === b[k].position && x.text === b[k].text);

/** The newest version of the municipality's answer, draft or submitted: what its card shows. */
export const latestAnswer = (
  answers: readonly InputAnswer[],
  meetingId: string,
  municipality: MunicipalityNumber,
): InputAnswer | undefined => latestOf(answers, (a) => a.meetingId === meetingId, municipality);

/** The answer that counts: the newest submitted version. A later draft does not unsay it. */
export const countingAnswer = (
  answers: readonly InputAnswer[],
  meetingId: string,
  municipality: MunicipalityNumber,
): InputAnswer | undefined => countingOf(answers, (a) => a.meetingId === meetingId, municipality);

/** Every version the municipality has saved, oldest first: the record kept of who said what. */
export const answerHistory = (
  answers: readonly InputAnswer[],
  meetingId: string,
  municipality: MunicipalityNumber,
): InputAnswer[] => historyOf(answers, (a) => a.meetingId === meetingId, municipality);

/** What a card drawn from an older agenda can still say, and what changed since it was drawn. */
export interface CarriedOver {
  /** Its answers to the cases still open for input, in the current order. */
  readonly items: readonly ItemInput[];
  /** Cases the card showed that are no longer open for input (withdrawn, decided). */
  readonly removed: readonly AgendaItem[];
  /** Cases open for input now that the card did not show. */
  readonly added: readonly AgendaItem[];
}

/**
 * A stale card (the agenda changed after it was drawn) loses nothing that still applies: the
 * answers it gave to cases that are still open carry over; a case it did not show has none.
 */
export function carryOver(meeting: Meeting, cardItemIds: readonly string[], given: readonly ItemInput[]): CarriedOver {
  const now = itemsForInput(meeting);
  const open = new Set(now.map((i) => i.id));
  const shown = new Set(cardItemIds);
  return {
    items: now.flatMap((item) => given.filter((g) => g.itemId === item.id)),
    removed: meeting.agenda.filter((i) => shown.has(i.id) && !open.has(i.id)),
    added: now.filter((i) => !shown.has(i.id)),
  };
}
