import type { MeetingDetails } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { boardOf } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { Translator } from '../../i18n/catalogue';

import { card } from '../reply';
import type { Reply } from '../reply';
import { readFormInstant } from '../../domain/oslo-when';

/** The form behind `nytt møte`; times are Oslo wall-clock times. */
export function meetingForm(
  org: Organisation,
  t: Translator,
  prefill: Record<string, string> = {},
  notice = '',
): Reply {
  return card('meeting-form', {
    heading: t.t('meeting.form.heading'),
    notice,
    lang: t.locale,
    body: prefill.body ?? boardOf(org)?.id ?? '',
    title: prefill.title ?? '',
    date: prefill.date ?? '',
    startTime: prefill.startTime ?? '',
    endTime: prefill.endTime ?? '',
    place: prefill.place ?? '',
    online: prefill.online ?? 'true',
    notes: prefill.notes ?? '',
    labels: Object.fromEntries(
      ['body', 'title', 'date', 'start', 'end', 'place', 'online', 'notes', 'create', 'required'].map((k) => [
        k,
        t.t(`meeting.form.${k}`),
      ]),
    ),
    bodies: org.bodies.map((b) => ({ title: b.name, value: b.id })),
  });
}

/** The server reads the form again: the card's own checks are a courtesy, not a guarantee. */
export function readMeetingForm(data: Readonly<Record<string, unknown>>): Result<MeetingDetails> {
  const text = (key: string) => (typeof data[key] === 'string' ? data[key].trim() : '');
  const date = text('date');
  const start = readFormInstant(date, text('startTime'));
  const end = readFormInstant(date, text('endTime'));
  if (!date || !start || !end) return fail('MEETING.BAD_TIME');
  const place = text('place');
  const notes = text('notes');
  return ok({
    bodyId: text('body'),
    title: text('title'),
    start: start.toISOString(),
    end: end.toISOString(),
    online: text('online') !== 'false',
    ...(place && { place }),
    ...(notes && { notes }),
  });
}

/** What the form showed, to fill it in again when it is refused. */
export function formValues(data: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
