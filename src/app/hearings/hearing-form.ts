import type { HearingDraft } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { municipalitiesSorted } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';
import { osloInstantAt, readWhen } from '../../domain/oslo-when';
import { card } from '../reply';
import type { Reply } from '../reply';

/** A deadline typed without a time is at noon, Oslo time: what the input deadlines use too. */
export const DEFAULT_DEADLINE_TIME = '12:00';
const NOON = { hour: 12, minute: 0 };

const fields = [
  'title',
  'issuer',
  'documents',
  'externalDeadline',
  'internalDeadline',
  'questions',
  'municipalities',
  'background',
  'reminders',
] as const;

/**
 * The form behind `ny høring`. Deadlines are plain text fields ("2026-12-15" or "15.12.2026",
 * optionally with "14:00"): a date picker's look differs by client and typing is quicker.
 */
export function hearingForm(
  org: Organisation,
  t: Translator,
  prefill: Record<string, string> = {},
  notice = '',
): Reply {
  return card('hearing-form', {
    heading: t.t('hearing.form.heading'),
    notice,
    lang: t.locale,
    ...Object.fromEntries(fields.map((f) => [f, prefill[f] ?? (f === 'reminders' ? '5, 2, 0' : '')])),
    labels: Object.fromEntries(
      [...fields, 'deadlineHint', 'internalHint', 'municipalitiesHint', 'register', 'required'].map((k) => [
        k,
        t.t(`hearing.form.${k}`),
      ]),
    ),
    choices: municipalitiesSorted(org).map((m) => ({ title: m.name, value: m.number })),
  });
}

/**
 * A deadline as people write it ("2026-12-15", "15.12.2026 kl. 14.30", "fredag 9:00"), read by
 * the one Oslo date reader; without a time at noon. A time alone is not a deadline.
 */
export function readDeadline(value: string, now: Date): Result<string | undefined> {
  const typed = value.trim();
  if (!typed) return ok(undefined);
  const when = readWhen(typed, now);
  if (!when?.date || when.endTime) return fail('HEARING.BAD_DEADLINE');
  return ok(osloInstantAt(when.date, when.time ?? NOON));
}

const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** The server reads the form again: the card's own checks are a courtesy, not a guarantee. */
export function readHearingForm(data: Readonly<Record<string, unknown>>, now: Date): Result<HearingDraft> {
  const text = (key: string) => (typeof data[key] === 'string' ? data[key].trim() : '');
  const external = readDeadline(text('externalDeadline'), now);
  if (!external.ok) return external;
  const internal = readDeadline(text('internalDeadline'), now);
  if (!internal.ok) return internal;
  const reminderText = text('reminders');
  const reminderDays = reminderText
    ? reminderText
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number)
    : [];
  const municipalities = text('municipalities')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return ok({
    title: text('title'),
    issuer: text('issuer'),
    documents: text('documents').split(/\s+/).filter(Boolean),
    ...(external.value && { externalDeadline: external.value }),
    ...(internal.value && { internalDeadline: internal.value }),
    questions: lines(text('questions')),
    municipalities,
    background: text('background'),
    ...(reminderText && { reminderDaysBefore: reminderDays }),
  });
}

/** What the form showed, to fill it in again when it is refused. */
export const hearingFormValues = (data: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
