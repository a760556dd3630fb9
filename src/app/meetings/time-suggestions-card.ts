import type { Body } from '../../domain/body';
import { osloDate, osloWallClock } from '../../domain/oslo-time';
import type { TimeInterval, WorkingHours } from '../../domain/time-suggestion';
import type { Translator } from '../../i18n/catalogue';
import { formatClock, formatLongDate, formatTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';

const clock = (instant: string) => {
  const w = osloWallClock(instant);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

/** The proposed times, each with a button that opens `nytt møte` filled in with it. */
export function timeSuggestionsCard(
  t: Translator,
  o: {
    readonly body: Body;
    readonly durationMinutes: number;
    readonly from: string;
    readonly hours: WorkingHours;
    readonly checked: number;
    readonly unknown: readonly string[];
    readonly slots: readonly TimeInterval[];
  },
): Reply {
  // Norwegians write a full stop between hours and minutes, as formatTime does.
  const hhmm = (s: string) => (t.locale === 'nb' ? s.replace(':', '.') : s);
  const [hours, minutes] = [Math.floor(o.durationMinutes / 60), o.durationMinutes % 60];
  const duration = t.t(
    hours && minutes ? 'schedule.duration.both' : hours ? 'schedule.duration.hours' : 'schedule.duration.minutes',
    { hours, minutes },
  );
  return card('time-suggestions', {
    heading: t.t('schedule.heading', { body: o.body.name }),
    summary: t.t('schedule.summary', {
      duration,
      from: formatLongDate(new Date(o.from), t.locale),
      start: hhmm(o.hours.from),
      end: hhmm(o.hours.to),
      people: o.checked,
    }),
    notice:
      o.unknown.length > 0
        ? t.t('schedule.unknown-people', { count: o.unknown.length, names: o.unknown.join(', ') })
        : '',
    none: o.slots.length === 0 ? t.t('schedule.none') : '',
    lang: t.locale,
    choose: t.t('schedule.choose'),
    slots: o.slots.map((s) => ({
      label: t.t('schedule.slot', {
        date: formatLongDate(new Date(s.start), t.locale),
        from: formatTime(new Date(s.start), t.locale),
        to: formatClock(new Date(s.end), t.locale),
      }),
      body: o.body.id,
      date: osloDate(s.start),
      startTime: clock(s.start),
      endTime: clock(s.end),
    })),
  });
}
