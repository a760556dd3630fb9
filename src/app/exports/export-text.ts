import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { bodyName } from '../../domain/organisation';
import { formatClock, formatLongDate, formatTime } from '../../i18n/dates';
import type { Translator } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import type { Block, TextRun } from '../../ports/documents';

/* The wording shared by every export: how a meeting, a case and a quotation are written. */

const intlLocale = (locale: Locale): string => (locale === 'nb' ? 'nb-NO' : 'en-GB');

export { bodyName } from '../../domain/organisation';

/** "OSU, møte 2/2026". Numbers as strings: ICU would write the year "2,026" in English. */
export const meetingName = (org: Organisation, m: Meeting, t: Translator): string =>
  t.t('export.meeting.name', { body: bodyName(org, m.bodyId), number: String(m.number), year: String(m.year) });

export const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** "Torsdag 23. april 2026, kl. 10.00–14.00": one "kl." and an en dash between the times. */
export function meetingTime(m: Meeting, locale: Locale): string {
  const start = new Date(m.start);
  const end = formatClock(new Date(m.end), locale);
  return `${capitalise(formatLongDate(start, locale))}, ${formatTime(start, locale)}\u2013${end}`;
}

/** "Hole, Drammen og Ringerike" / "Hole, Drammen and Ringerike" */
export const listOf = (items: readonly string[], locale: Locale): string =>
  new Intl.ListFormat(intlLocale(locale), { type: 'conjunction', style: 'long' }).format(items);

/** The room, the Teams meeting, or both: "Drammen sykehus (også på Teams)". */
export function meetingPlace(m: Meeting, t: Translator): string {
  const place = m.place?.trim() ?? '';
  if (!m.online) return place;
  return place === '' ? t.t('export.meeting.teams') : t.t('export.meeting.placeAndTeams', { place });
}

/** Norwegian quotes with «sjevroner», English with curly quotes. */
export const quoted = (text: string, locale: Locale): string =>
  locale === 'nb' ? `\u00ab${text}\u00bb` : `\u201c${text}\u201d`;

export const itemTitle = (i: AgendaItem, t: Translator): string =>
  i.kind === 'minutes-approval' ? t.t('export.item.minutesApproval') : i.title;

/** "Sak 6/2026 Handlingsplan 2026", marked when withdrawn. */
export function itemHeading(i: AgendaItem, t: Translator): string {
  const heading = t.t('export.item.heading', { caseNumber: formatCaseNumber(i.caseNumber), title: itemTitle(i, t) });
  return i.status === 'withdrawn' ? `${heading} ${t.t('export.item.withdrawnMark')}` : heading;
}

/**
 * A proposal under its bold label: a written or standard proposal quoted as it stands, a case
 * "formulated in the meeting" said so in italics, never quoted as if someone had written it.
 */
export function proposalBlocks(label: string, i: AgendaItem, t: Translator, text?: string): Block[] {
  const written =
    text ??
    (i.proposal.kind === 'text'
      ? i.proposal.text
      : i.proposal.kind === 'standard'
        ? t.t('export.proposal.standard')
        : undefined);
  return [
    { kind: 'paragraph', runs: [run(`${label}:`, true)] },
    written !== undefined
      ? { kind: 'quote', text: quoted(written, t.locale) }
      : { kind: 'paragraph', runs: [{ text: t.t('export.proposal.inMeeting'), italic: true }] },
  ];
}

/** "OSU, møte 2/2026 – OSU-møte våren 2026": what a document is about, under its title. */
export const meetingSubtitle = (org: Organisation, m: Meeting, t: Translator): string =>
  `${meetingName(org, m, t)} \u2013 ${m.title}`;

export const run = (text: string, bold = false): TextRun => (bold ? { text, bold } : { text });

/** "**Label:** value" as one paragraph's runs. */
export const labelled = (label: string, value: string): TextRun[] => [run(`${label}: `, true), run(value)];
