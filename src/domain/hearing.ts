import { addOsloDays, isInstant, osloInstant, osloWallClock } from './oslo-time';
import type { MunicipalityNumber } from './municipality';
import type { Result } from './result';
import { fail, ok } from './result';

/*
 * Høring: a national or hospital-trust hearing the secretariat passes on to the municipalities.
 * Each municipality answers by the internal deadline, so that the secretariat can compile the
 * joint statement (felles høringsuttalelse) before the issuer's external deadline.
 */

/** The internal deadline falls this many Oslo calendar days before the external one by default. */
export const DEFAULT_INTERNAL_DAYS_BEFORE = 7;
/** Reminders to municipalities that have not answered, this many days before the internal deadline. */
export const DEFAULT_HEARING_REMINDER_DAYS: readonly number[] = [5, 2, 0];
/** Reminders go out at this Oslo hour: the start of a working day, also on the deadline day itself. */
export const REMINDER_HOUR = 9;
/** Room for a page of text; longer texts belong in a document linked from the answer. */
export const HEARING_TEXT_MAX = 4000;
export const HEARING_TITLE_MAX = 200;
export const QUESTION_MAX = 500;
export const MAX_QUESTIONS = 10;
export const MAX_DOCUMENTS = 10;

export interface HearingQuestion {
  /** Stable within the hearing: `q1`, `q2`, ... in the order asked. */
  readonly id: string;
  readonly text: string;
}

export interface DeadlineExtension {
  readonly from: string;
  readonly to: string;
  readonly at: string;
  readonly by: string;
}

export interface Hearing {
  readonly id: string;
  readonly title: string;
  /** Who sent the hearing out: the Directorate of Health, the hospital trust. */
  readonly issuer: string;
  readonly documents: readonly string[];
  /** The issuer's deadline for the joint statement. */
  readonly externalDeadline: string;
  /** The municipalities' deadline; answers after it are accepted but flagged late. */
  readonly internalDeadline: string;
  readonly questions: readonly HearingQuestion[];
  readonly municipalities: readonly MunicipalityNumber[];
  /** The secretariat's note: what the hearing means for the municipalities. */
  readonly background: string;
  readonly reminderDaysBefore: readonly number[];
  readonly state: 'open' | 'closed';
  /** Goes up when the deadline moves, so that a card from before says so instead of saving. */
  readonly version: number;
  readonly registeredBy: string;
  readonly registeredAt: string;
  readonly extensions: readonly DeadlineExtension[];
  readonly closedAt?: string;
  readonly closedBy?: string;
}

/** What the coordinator's form gives, before checking. Deadlines are ISO instants. */
export interface HearingDraft {
  readonly title: string;
  readonly issuer: string;
  readonly documents?: readonly string[];
  readonly externalDeadline?: string;
  readonly internalDeadline?: string;
  readonly questions?: readonly string[];
  /** Empty or absent: every member municipality. */
  readonly municipalities?: readonly MunicipalityNumber[];
  readonly background?: string;
  readonly reminderDaysBefore?: readonly number[];
}

export const isHttpLink = (value: string): boolean => {
  // https only, as the message says: a card opens nothing else (src/presentation/card-text.ts).
  if (!/^https:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
};

/** A link list as typed: one per line or separated by spaces; checked, never guessed at. */
export function checkLinks(links: readonly string[]): Result<string[]> {
  const kept = links.map((l) => l.trim()).filter((l) => l.length > 0);
  if (kept.length > MAX_DOCUMENTS) return fail('HEARING.TOO_MANY_LINKS', { max: MAX_DOCUMENTS });
  const bad = kept.find((l) => !isHttpLink(l));
  return bad ? fail('HEARING.BAD_LINK', { link: bad }) : ok(kept);
}

export const defaultInternalDeadline = (external: string): string =>
  addOsloDays(external, -DEFAULT_INTERNAL_DAYS_BEFORE);

function checkDeadlines(draft: HearingDraft, now: Date): Result<{ external: string; internal: string }> {
  if (!draft.externalDeadline) return fail('HEARING.NO_DEADLINE');
  if (!isInstant(draft.externalDeadline)) return fail('HEARING.BAD_DEADLINE');
  if (Date.parse(draft.externalDeadline) <= now.getTime()) return fail('HEARING.DEADLINE_IN_PAST');
  const external = new Date(draft.externalDeadline).toISOString();
  const internal = draft.internalDeadline ?? defaultInternalDeadline(external);
  if (!isInstant(internal)) return fail('HEARING.BAD_DEADLINE');
  if (Date.parse(internal) <= now.getTime()) {
    return fail(draft.internalDeadline ? 'HEARING.INTERNAL_DEADLINE_IN_PAST' : 'HEARING.DEFAULT_INTERNAL_IN_PAST', {
      days: DEFAULT_INTERNAL_DAYS_BEFORE,
    });
  }
  if (Date.parse(internal) > Date.parse(external)) return fail('HEARING.INTERNAL_AFTER_EXTERNAL');
  return ok({ external, internal: new Date(internal).toISOString() });
}

function checkReminderDays(days: readonly number[]): Result<number[]> {
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 60)) return fail('HEARING.BAD_REMINDERS');
  return ok([...new Set(days)].sort((a, b) => b - a));
}

/** Checks the coordinator's draft. Refusals name the first problem; nothing is partly kept. */
export function registerHearing(
  draft: HearingDraft,
  members: readonly MunicipalityNumber[],
  who: { id: string; by: string },
  now: Date,
): Result<Hearing> {
  const title = draft.title.trim();
  if (!title) return fail('HEARING.TITLE_REQUIRED');
  if (title.length > HEARING_TITLE_MAX) return fail('HEARING.TITLE_TOO_LONG', { max: HEARING_TITLE_MAX });
  const issuer = draft.issuer.trim();
  if (!issuer) return fail('HEARING.ISSUER_REQUIRED');
  const deadlines = checkDeadlines(draft, now);
  if (!deadlines.ok) return deadlines;
  const questions = (draft.questions ?? []).map((q) => q.trim()).filter((q) => q.length > 0);
  if (questions.length > MAX_QUESTIONS) return fail('HEARING.TOO_MANY_QUESTIONS', { max: MAX_QUESTIONS });
  if (questions.some((q) => q.length > QUESTION_MAX)) return fail('HEARING.QUESTION_TOO_LONG', { max: QUESTION_MAX });
  const background = (draft.background ?? '').trim();
  if (background.length > HEARING_TEXT_MAX) return fail('HEARING.TEXT_TOO_LONG', { max: HEARING_TEXT_MAX });
  const documents = checkLinks(draft.documents ?? []);
  if (!documents.ok) return documents;
  const chosen =
    draft.municipalities && draft.municipalities.length > 0 ? [...new Set(draft.municipalities)] : [...members];
  const unknown = chosen.find((m) => !members.includes(m));
  if (unknown) return fail('HEARING.UNKNOWN_MUNICIPALITY', { municipality: unknown });
  if (chosen.length === 0) return fail('HEARING.NO_MUNICIPALITIES');
  const reminders = checkReminderDays(draft.reminderDaysBefore ?? DEFAULT_HEARING_REMINDER_DAYS);
  if (!reminders.ok) return reminders;
  return ok({
    id: who.id,
    title,
    issuer,
    documents: documents.value,
    externalDeadline: deadlines.value.external,
    internalDeadline: deadlines.value.internal,
    questions: questions.map((text, i) => ({ id: `q${i + 1}`, text })),
    municipalities: chosen,
    background,
    reminderDaysBefore: reminders.value,
    state: 'open',
    version: 1,
    registeredBy: who.by,
    registeredAt: now.toISOString(),
    extensions: [],
  });
}

export interface HearingReminder {
  readonly at: string;
  /** The last reminder before the deadline also goes to each municipality's deputy. */
  readonly toDeputies: boolean;
}

/**
 * Reminder instants: at 09:00 Oslo on each chosen day before the internal deadline, earliest
 * first. Times already past or not before the deadline are dropped; two that coincide are one.
 */
export function hearingReminders(
  hearing: Pick<Hearing, 'internalDeadline' | 'reminderDaysBefore'>,
  now: Date,
): HearingReminder[] {
  const day = osloWallClock(hearing.internalDeadline);
  const morning = osloInstant({ ...day, hour: REMINDER_HOUR, minute: 0, second: 0 });
  const times = hearing.reminderDaysBefore
    .map((d) => addOsloDays(morning, -d))
    .filter((t) => Date.parse(t) > now.getTime() && Date.parse(t) < Date.parse(hearing.internalDeadline));
  const sorted = [...new Set(times)].sort((a, b) => Date.parse(a) - Date.parse(b));
  return sorted.map((at, i) => ({ at, toDeputies: i === sorted.length - 1 }));
}

export const isHearingClosed = (h: Hearing): boolean => h.state === 'closed';
/** Answers are on time until the internal deadline, not at it. */
export const isPastInternalDeadline = (h: Hearing, now: Date): boolean =>
  now.getTime() >= Date.parse(h.internalDeadline);

/**
 * Moves the internal deadline (and the external one when the issuer has given more time).
 * Cards from before stop saving: they showed the old deadline.
 */
export function extendDeadline(
  h: Hearing,
  change: { internalDeadline: string; externalDeadline?: string; by: string },
  now: Date,
): Result<Hearing> {
  if (isHearingClosed(h)) return fail('HEARING.CLOSED');
  if (
    !isInstant(change.internalDeadline) ||
    (change.externalDeadline !== undefined && !isInstant(change.externalDeadline))
  )
    return fail('HEARING.BAD_DEADLINE');
  const internal = new Date(change.internalDeadline).toISOString();
  const external = change.externalDeadline ? new Date(change.externalDeadline).toISOString() : h.externalDeadline;
  if (Date.parse(internal) <= now.getTime())
    return fail('HEARING.INTERNAL_DEADLINE_IN_PAST', { days: DEFAULT_INTERNAL_DAYS_BEFORE });
  if (Date.parse(internal) <= Date.parse(h.internalDeadline) && Date.parse(external) <= Date.parse(h.externalDeadline))
    return fail('HEARING.NOT_LATER');
  if (Date.parse(internal) > Date.parse(external)) return fail('HEARING.INTERNAL_AFTER_EXTERNAL');
  return ok({
    ...h,
    internalDeadline: internal,
    externalDeadline: external,
    version: h.version + 1,
    extensions: [...h.extensions, { from: h.internalDeadline, to: internal, at: now.toISOString(), by: change.by }],
  });
}

/** Closing ends answering; what was given stays. Closing twice is refused so nobody thinks it reopened. */
export function closeHearing(h: Hearing, by: string, now: Date): Result<Hearing> {
  if (isHearingClosed(h)) return fail('HEARING.CLOSED');
  return ok({ ...h, state: 'closed', closedAt: now.toISOString(), closedBy: by });
}
