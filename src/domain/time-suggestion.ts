import { osloDate, osloInstant, osloWallClock } from './oslo-time';
import { norwegianPublicHolidays } from './public-holidays';

/** Half-open [start, end), ISO instants. */
export interface TimeInterval {
  readonly start: string;
  readonly end: string;
}

/** When meetings may be held: weekdays (1 = Monday … 7 = Sunday) between two Oslo clock times. */
export interface WorkingHours {
  readonly weekdays: readonly number[];
  /** "08:00" */
  readonly from: string;
  /** "16:00": a meeting ends by then. */
  readonly to: string;
  /** Norwegian public holidays are not working days. */
  readonly skipPublicHolidays: boolean;
}

export const OFFICE_HOURS: WorkingHours = {
  weekdays: [1, 2, 3, 4, 5],
  from: '08:00',
  to: '16:00',
  skipPublicHolidays: true,
};

export interface SlotRequest {
  /** Everyone's busy times together; the order does not matter. */
  readonly busy: readonly TimeInterval[];
  /** Only slots wholly inside it. */
  readonly window: TimeInterval;
  readonly durationMinutes: number;
  readonly workingHours: WorkingHours;
  /** How many slots at most. */
  readonly count: number;
  /** Start times on this grid from the start of the working day (default 30 minutes). */
  readonly stepMinutes?: number;
  /** At most this many slots a day, so the choice spans several days (default: no limit). */
  readonly perDay?: number;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The Oslo dates from the window's first to its last day, as [year, month, day]. */
function* osloDays(window: TimeInterval): Generator<[number, number, number]> {
  const first = osloWallClock(window.start);
  const last = osloDate(window.end);
  for (let d = Date.UTC(first.year, first.month - 1, first.day); ; d += 86_400_000) {
    const day = new Date(d);
    const date = day.toISOString().slice(0, 10);
    if (date > last) return;
    yield [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  }
}

export function isWorkingDay(year: number, month: number, day: number, hours: WorkingHours): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  if (!hours.weekdays.includes(weekday)) return false;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return !(hours.skipPublicHolidays && norwegianPublicHolidays(year).has(date));
}

/**
 * The first slots, in time order, when nobody is busy: on working days, inside working hours
 * (Oslo wall-clock time, so 08:00 stays 08:00 across daylight saving), inside the window.
 * A slot touching a busy interval at its edge is free (intervals are half-open).
 */
export function proposeSlots(r: SlotRequest): TimeInterval[] {
  const step = r.stepMinutes ?? 30;
  const durationMs = r.durationMinutes * 60_000;
  const [from, to] = [minutesOf(r.workingHours.from), minutesOf(r.workingHours.to)];
  const [windowStart, windowEnd] = [Date.parse(r.window.start), Date.parse(r.window.end)];
  if (!(r.durationMinutes > 0) || !(step > 0) || r.count <= 0 || !(windowEnd > windowStart)) return [];
  const busy = r.busy
    .map((b) => [Date.parse(b.start), Date.parse(b.end)] as const)
    .filter(([s, e]) => e > windowStart && s < windowEnd);
  const slots: TimeInterval[] = [];
  for (const [year, month, day] of osloDays(r.window)) {
    if (!isWorkingDay(year, month, day, r.workingHours)) continue;
    let today = 0;
    for (let minute = from; minute + r.durationMinutes <= to; minute += step) {
      const start = Date.parse(
        osloInstant({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60, second: 0 }),
      );
      const end = start + durationMs;
      if (start < windowStart || end > windowEnd) continue;
      if (busy.some(([s, e]) => s < end && start < e)) continue;
      slots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
      if (slots.length >= r.count) return slots;
      if (r.perDay !== undefined && ++today >= r.perDay) break;
    }
  }
  return slots;
}
