import type { AgendaItem, AgendaItemDraft, DocumentLink } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { coordinators, seatsOf } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { card } from '../reply';
import type { Reply } from '../reply';

/**
 * The form behind `ny sak` and `endre sak`. A new case gets the next free number when it is
 * added; an edited one keeps its number. The responsible person is picked: the body's members
 * and the secretariat are offered, anyone in the organisation found by typing.
 */
export function agendaItemForm(
  t: Translator,
  org: Organisation,
  meeting: Meeting,
  notice = '',
  title = '',
  item?: AgendaItem,
  /** A refused form comes back as it was written, so nothing typed is lost. */
  written?: Readonly<Record<string, unknown>>,
): Reply {
  const typed = (k: string) => (written && typeof written[k] === 'string' ? written[k] : undefined);
  const people = [...coordinators(org), ...seatsOf(org, meeting.bodyId, osloDate(meeting.start)).map((s) => s.member)];
  const choices = [...new Map(people.map((p) => [p.id, { title: p.name, value: p.id }])).values()];
  return card('agenda-item-form', {
    heading: item
      ? t.t('agenda.form.edit-heading', { caseNumber: formatCaseNumber(item.caseNumber), title: meeting.title })
      : t.t('agenda.form.heading', { id: meeting.id, title: meeting.title }),
    notice,
    title: typed('title') ?? item?.title ?? title,
    background: typed('background') ?? item?.background ?? '',
    proposal: typed('proposal') ?? (item?.proposal.kind === 'text' ? item.proposal.text : ''),
    inMeeting: typed('inMeeting') ?? (item?.proposal.kind === 'in-meeting' ? 'true' : 'false'),
    documents:
      typed('documents') ??
      (item?.documents ?? []).map((d) => (d.title === d.url ? d.url : `${d.title} | ${d.url}`)).join('\n'),
    // One person to choose from is chosen; anyone else in the organisation is found by typing (samrad.people).
    responsible: typed('responsible') ?? item?.responsible ?? (choices.length === 1 ? choices[0]!.value : ''),
    people: choices,
    verb: item ? 'agenda.edit' : 'agenda.add',
    itemId: item?.id ?? '',
    meetingId: meeting.id,
    version: meeting.version,
    lang: t.locale,
    labels: Object.fromEntries(
      ['title', 'background', 'proposal', 'inMeeting', 'documents', 'responsible', 'required']
        .map((k): [string, string] => [k, t.t(`agenda.form.${k}`)])
        .concat([['submit', t.t(item ? 'agenda.form.save' : 'agenda.form.add')]]),
    ),
  });
}

/** "Title | https://…" or a bare address, one per line. */
export function readDocumentLinks(text: string): DocumentLink[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf('|');
      const url = (bar >= 0 ? line.slice(bar + 1) : line).trim();
      const title = bar >= 0 ? line.slice(0, bar).trim() || url : url;
      return { title, url };
    });
}

/** The form's fields as a draft; the domain says what is wrong with it. */
export function readAgendaItemForm(data: Readonly<Record<string, unknown>>): AgendaItemDraft {
  const field = (k: string) => (typeof data[k] === 'string' ? data[k].trim() : '');
  return {
    title: field('title'),
    ...(field('background') && { background: field('background') }),
    proposal:
      field('inMeeting') === 'true' || !field('proposal')
        ? { kind: 'in-meeting' }
        : { kind: 'text', text: field('proposal') },
    documents: readDocumentLinks(field('documents')),
    ...(field('responsible') && { responsible: field('responsible') }),
  };
}
