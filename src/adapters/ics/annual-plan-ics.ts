import type { AnnualEntry } from '../../domain/annual-cycle';
import { contentLine, escapeText, icsDocument, utcDateTime } from './ics-text';
import { osloDateTimeLine, osloVTimeZone } from './oslo-time-zone';
import { DEFAULT_UID_DOMAIN, PRODUCT_ID } from './ics-render';

/**
 * The annual plan as one iCalendar file to subscribe to (RFC 5545, METHOD:PUBLISH): meetings
 * with their times, deadlines as moments, the fee day as an all-day event. UIDs stay with the
 * entry, so a calendar that re-reads the file moves a meeting rather than adding a second one.
 */
export function annualPlanIcs(
  name: string,
  entries: readonly AnnualEntry[],
  stamp: string,
  uidDomain = DEFAULT_UID_DOMAIN,
): string {
  const events = entries.flatMap((e) => {
    const when = e.start
      ? [osloDateTimeLine('DTSTART', e.start), osloDateTimeLine('DTEND', e.end ?? e.start)]
      : [contentLine('DTSTART', e.date.replace(/-/g, ''), { VALUE: 'DATE' })];
    return [
      'BEGIN:VEVENT',
      contentLine('UID', `annual-${e.ref}@${uidDomain}`),
      contentLine('DTSTAMP', utcDateTime(stamp)),
      ...when,
      contentLine('SUMMARY', escapeText(e.title)),
      contentLine('TRANSP', e.kind === 'meeting' ? 'OPAQUE' : 'TRANSPARENT'),
      'END:VEVENT',
    ];
  });
  return icsDocument([
    'BEGIN:VCALENDAR',
    contentLine('VERSION', '2.0'),
    contentLine('PRODID', PRODUCT_ID),
    contentLine('CALSCALE', 'GREGORIAN'),
    contentLine('METHOD', 'PUBLISH'),
    contentLine('X-WR-CALNAME', escapeText(name)),
    ...osloVTimeZone,
    ...events,
    'END:VCALENDAR',
  ]);
}
