import type { AgendaItem, ProposedDecision } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { ResultRow } from '../../ports/result-lists';
import type { RowContext } from './row-context';
import { bodyOf, lines, linkTo, personOf } from './row-context';

/** Møter: one row per meeting, what the notice card shows of it. */
export function meetingRow(m: Meeting, c: RowContext): ResultRow {
  return {
    key: `meetings/${m.id}`,
    title: m.title,
    cells: {
      Body: bodyOf(c, m.bodyId),
      MeetingNumber: c.t.t('lists.meeting.number', { number: m.number, year: m.year }),
      Start: m.start,
      End: m.end,
      Place: m.place ?? null,
      Online: m.online === true,
      JoinLink: linkTo(m.joinUrl),
      State: m.state,
      Cases: m.agenda.filter((i) => i.kind === 'case' && i.status !== 'withdrawn').length,
      CancelReason: m.cancelled?.reason ?? null,
    },
  };
}

/** The title people see: a minutes approval has none of its own (cards give it by kind). */
export const itemTitle = (i: AgendaItem, c: RowContext): string =>
  i.kind === 'minutes-approval' ? c.t.t('lists.case.minutes-approval') : i.title;

export const proposalText = (p: ProposedDecision, c: RowContext): string =>
  p.kind === 'text'
    ? p.text
    : p.kind === 'in-meeting'
      ? c.t.t('lists.proposal.in-meeting')
      : c.t.t('lists.proposal.standard');

/** Saker: one row per item on the meeting's agenda, withdrawn ones kept with their number. */
export function agendaItemRows(m: Meeting, c: RowContext): ResultRow[] {
  return m.agenda.map((i) => ({
    key: `meetings/${m.id}/${i.id}`,
    title: itemTitle(i, c),
    cells: {
      CaseNumber: formatCaseNumber(i.caseNumber),
      CaseYear: i.caseNumber.year,
      Body: bodyOf(c, m.bodyId),
      Meeting: m.title,
      MeetingStart: m.start,
      ItemKind: i.kind,
      ItemStatus: i.status,
      Proposal: proposalText(i.proposal, c),
      Background: i.background ?? null,
      Responsible: personOf(c, i.responsible),
      Document: linkTo(i.documents[0]?.url, i.documents[0]?.title),
      Documents: lines(i.documents.map((d) => `${d.title}: ${d.url}`)),
    },
  }));
}
