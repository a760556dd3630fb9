/*
 * Meeting times are stored as ISO instants and shown in Europe/Oslo. Offsets counted in days
 * (a pre-meeting 14 days before, an input deadline 7 days before, a reminder 3 days before)
 * are calendar days in Oslo: they keep the wall-clock time across a daylight-saving change,
 * because people read "14 days before, 10:00" and expect 10:00. Offsets in hours and minutes
 * (a pre-meeting 2 hours before) are elapsed time, which is what "two hours before" means.
 */

export const OSLO_TIME_ZONE = 'Europe/Oslo';

/** A time of day on a date as a clock in Oslo shows it. `month` is 1-12. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** An offset before (or after) an instant: whole days in Oslo's calendar, then elapsed hours and minutes. */
export interface TimeOffset {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

const osloClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** With an offset or Z, so an instant is never read in the server's own zone. */
export const isInstant = (value: string): boolean =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value));

export function osloWallClock(instant: string | number | Date): WallClock {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  // One formatToParts per call (it was six: one per field, the hottest line in a turn's profile).
  const parts = osloClock.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const wallAsUtc = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far Oslo is ahead of UTC at an instant, in milliseconds (one or two hours). */
function osloOffsetAt(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(osloWallClock(whole)) - whole;
}

/**
 * The instant a wall-clock time in Oslo names. A time skipped in spring (02:30 on the last
 * Sunday of March) moves forward by the hour skipped; a time that occurs twice in October
 * resolves to one of the two. Meetings are not held at half past two at night.
 */
export function osloInstant(w: WallClock): string {
  const asUtc = wallAsUtc(w);
  const first = osloOffsetAt(asUtc);
  const second = osloOffsetAt(asUtc - first);
  return new Date(asUtc - (first === second ? first : second)).toISOString();
}

/** YYYY-MM-DD of the instant in Oslo: the date seats, terms and deadlines are read for (today's, given now). */
export function osloDate(instant: string | number | Date): string {
  const w = osloWallClock(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The year in Oslo: a meeting at 00:30 on 1 January Oslo time belongs to the new year. */
export const osloYear = (instant: string): number => osloWallClock(instant).year;

/** Calendar days in Oslo, keeping the wall-clock time. */
export function addOsloDays(instant: string, days: number): string {
  const w = osloWallClock(instant);
  const moved = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  return osloInstant({
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    hour: w.hour,
    minute: w.minute,
    second: w.second,
  });
}

const elapsedMs = (o: TimeOffset): number => ((o.hours ?? 0) * 60 + (o.minutes ?? 0)) * 60_000;

/** The instant `offset` before `instant`: days in Oslo's calendar first, then elapsed hours and minutes. */
export function instantBefore(instant: string, offset: TimeOffset): string {
  const dayShifted = offset.days ? addOsloDays(instant, -offset.days) : new Date(Date.parse(instant)).toISOString();
  return new Date(Date.parse(dayShifted) - elapsedMs(offset)).toISOString();
}

/** An offset is "before" only if it is non-negative in every part and more than nothing. */
export function offsetIsPositive(offset: TimeOffset): boolean {
  const parts = [offset.days ?? 0, offset.hours ?? 0, offset.minutes ?? 0];
  return parts.every((p) => Number.isInteger(p) && p >= 0) && parts.some((p) => p > 0);
}

/** Milliseconds between two instants; positive when `later` is after `earlier`. */
export const msBetween = (earlier: string, later: string): number => Date.parse(later) - Date.parse(earlier);

/** Half-open intervals [start, end) overlap: a meeting ending at 12:00 does not clash with one starting then. */
export const intervalsOverlap = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
