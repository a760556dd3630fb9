import { osloInstant, osloWallClock } from '../../../src/domain/oslo-time';

/** The zones this fake accepts, as Graph names them (Windows names, plus UTC). */
export const WINDOWS_OSLO = 'W. Europe Standard Time';
const ZONES = new Set(['UTC', WINDOWS_OSLO]);

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export const isDateTimeTimeZone = (v: unknown): v is DateTimeTimeZone =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DateTimeTimeZone).dateTime === 'string' &&
  typeof (v as DateTimeTimeZone).timeZone === 'string';

/** Milliseconds of a `dateTimeTimeZone`, or undefined when Graph would refuse the zone or the time. */
export function instantOf(v: unknown): number | undefined {
  if (!isDateTimeTimeZone(v) || !ZONES.has(v.timeZone)) return undefined;
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?$/.exec(v.dateTime);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = 0] = (m.slice(1) as (string | undefined)[]).map((s) =>
    // An optional group that did not match is undefined, whatever RegExpExecArray's type says.
    s === undefined ? 0 : Number(s),
  );
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
  return v.timeZone === 'UTC'
    ? Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
    : Date.parse(osloInstant(wall));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant written the way Graph answers: wall-clock time with seven decimals, in the asked zone. */
export function dateTimeIn(ms: number, zone: string): DateTimeTimeZone {
  if (zone === WINDOWS_OSLO) {
    const w = osloWallClock(ms);
    return {
      dateTime: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.0000000`,
      timeZone: zone,
    };
  }
  return { dateTime: new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.0000000'), timeZone: 'UTC' };
}

/** The zone named by `Prefer: outlook.timezone="..."`, UTC when none (as Graph does). */
export function preferredZone(prefer: string | undefined): string {
  const m = /outlook\.timezone="([^"]+)"/i.exec(prefer ?? '');
  return m && ZONES.has(m[1]!) ? m[1]! : 'UTC';
}
