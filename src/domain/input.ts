import { itemsForInput } from './agenda';
import type { AgendaItem } from './agenda-item';
import type { InputRequest } from './input-request';
import { isPastInputDeadline } from './input-request';
import type { Meeting } from './meeting';
import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';
import { answersFor, countingOf, latestOf, nextVersion, replayed } from './municipal-answer';

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
 * Innspill: one version of a municipality's answer for a whole meeting. Never overwritten:
 * each save adds the next version, whoever saves it, so both the respondent's and the
 * deputy's answers are kept and the later one counts.
 */
export interface InputAnswer {
  readonly meetingId: string;
  readonly municipality: MunicipalityNumber;
  readonly givenBy: string;
  readonly givenAs: 'respondent' | 'deputy';
  readonly status: 'draft' | 'submitted';
  readonly version: number;
  readonly at: string;
  /** The meeting version the card showed. */
  readonly meetingVersion: number;
  readonly idempotencyKey: string;
  readonly items: readonly ItemInput[];
}

/** What a card sends. `givenBy` is the authenticated person, never the payload's claim. */
export interface InputSubmission {
  readonly meetingId: string;
  readonly givenBy: string;
  /** Needed only when the person answers for more than one municipality. */
  readonly municipality?: MunicipalityNumber;
  readonly meetingVersion: number;
  readonly status: 'draft' | 'submitted';
  readonly idempotencyKey: string;
  readonly items: readonly ItemInput[];
}

export interface InputGiven {
  readonly answers: readonly InputAnswer[];
  readonly answer: InputAnswer;
  /** False for a retried card or an answer identical to the latest one. */
  readonly recorded: boolean;
}

/** The municipalities a person answers for, with the capacity they answer in. */
export const representedBy = answersFor;

/**
 * Saves a draft or submits. Refusals in order: a retried card gets its first answer; then
 * the deadline; then who may answer; then whether the card shows the current agenda; then
 * what it says.
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
  const retry = replayed(answers, s.idempotencyKey, s.givenBy);
  if (retry === 'conflict') return fail('INPUT.IDEMPOTENCY_CONFLICT');
  if (retry) return ok({ answers, answer: retry.seen, recorded: false });
  if (isPastInputDeadline(request, now)) return fail('INPUT.PAST_DEADLINE', { deadline: request.deadline });
  if (meeting.state !== 'planned') return fail('INPUT.MEETING_CLOSED', { state: meeting.state });

  const mine = representedBy(org, s.givenBy).filter(
    (r) => s.municipality === undefined || r.municipality === s.municipality,
  );
  if (mine.length === 0) return fail('INPUT.NOT_REPRESENTATIVE');
  if (mine.length > 1) return fail('INPUT.WHICH_MUNICIPALITY', { choices: mine.map((r) => r.municipality).join(',') });
  const { municipality, role } = mine[0]!;
  if (!request.municipalities.includes(municipality)) return fail('INPUT.NOT_ASKED', { municipality });
  if (s.meetingVersion !== meeting.version) return fail('INPUT.STALE_CARD', { current: meeting.version });

  const problem = contentProblem(meeting, s);
  if (problem) return problem;

  const latest = latestAnswer(answers, meeting.id, municipality);
  const items = s.items.map((i) => ({ ...i, text: i.text.trim() }));
  if (latest && latest.status === s.status && sameItems(latest.items, items))
    return ok({ answers, answer: latest, recorded: false });
  const answer: InputAnswer = {
    meetingId: meeting.id,
    municipality,
    givenBy: s.givenBy,
    givenAs: role,
    status: s.status,
    version: nextVersion(latest),
    at: now.toISOString(),
    meetingVersion: s.meetingVersion,
    idempotencyKey: s.idempotencyKey,
    items,
  };
  return ok({ answers: [...answers, answer], answer, recorded: true });
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
  a.every((x, k) => x.itemId === b[k]?.itemId && x.position === b[k]?.position && x.text === b[k]?.text);

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
export function answerHistory(
  answers: readonly InputAnswer[],
  meetingId: string,
  municipality: MunicipalityNumber,
): InputAnswer[] {
  return answers
    .filter((a) => a.meetingId === meetingId && a.municipality === municipality)
    .sort((a, b) => a.version - b.version);
}

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
