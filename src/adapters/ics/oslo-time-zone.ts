import { OSLO_TIME_ZONE, osloWallClock } from '../../domain/oslo-time';
import { contentLine, localDateTime, utcDateTime } from './ics-text';

/*
 * Europe/Oslo as a VTIMEZONE (RFC 5545 3.6.5). Norway follows the EU rule since 1996: summer
 * time from 01:00 UTC on the last Sunday of March (02:00 CET becomes 03:00 CEST) to 01:00 UTC
 * on the last Sunday of October (03:00 CEST becomes 02:00 CET). DTSTART of each part is a
 * local time on which the rule falls (29 March and 25 October 1970 were last Sundays).
 */

export const OSLO_TZID = OSLO_TIME_ZONE;

export const osloVTimeZone: readonly string[] = [
  'BEGIN:VTIMEZONE',
  contentLine('TZID', OSLO_TZID),
  contentLine('X-LIC-LOCATION', OSLO_TZID),
  'BEGIN:DAYLIGHT',
  contentLine('TZOFFSETFROM', '+0100'),
  contentLine('TZOFFSETTO', '+0200'),
  contentLine('TZNAME', 'CEST'),
  contentLine('DTSTART', '19700329T020000'),
  contentLine('RRULE', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'),
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  contentLine('TZOFFSETFROM', '+0200'),
  contentLine('TZOFFSETTO', '+0100'),
  contentLine('TZNAME', 'CET'),
  contentLine('DTSTART', '19701025T030000'),
  contentLine('RRULE', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'),
  'END:STANDARD',
  'END:VTIMEZONE',
];

const HOUR_MS = 3_600_000;

/**
 * `DTSTART;TZID=Europe/Oslo:20261025T100000` for the instant, as a clock in Oslo shows it.
 * A local time that occurs twice (02:00-02:59 on the last Sunday of October) is read as its
 * first occurrence (RFC 5545 3.3.5), so the second one is written in UTC instead.
 */
export function osloDateTimeLine(name: 'DTSTART' | 'DTEND', instant: string): string {
  const local = localDateTime(osloWallClock(instant));
  const secondOccurrence = localDateTime(osloWallClock(Date.parse(instant) - HOUR_MS)) === local;
  return secondOccurrence ? contentLine(name, utcDateTime(instant)) : contentLine(name, local, { TZID: OSLO_TZID });
}
