import { bodyName } from '../../domain/organisation';
import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import { osloDate } from '../../domain/oslo-time';
import type { Organisation } from '../../domain/organisation';
import { memberById, seatsOf } from '../../domain/organisation';
import type { PreMeeting } from '../../domain/pre-meeting';
import type { Translator } from '../../i18n/catalogue';
import { formatClock, formatLongDate, formatTime } from '../../i18n/dates';
import { addressLink, markup, plainText } from '../../presentation/card-text';
import type { Markup } from '../../presentation/card-text';
import { card } from '../reply';
import type { Reply } from '../reply';

/** What the notice adds when the announcement is known: the formøte and the calendar file. */
export interface NoticeExtras {
  readonly preMeeting?: PreMeeting;
  readonly calendarLink?: string;
}

/**
 * The meeting as a Norwegian municipal notice (møteinnkalling) reads: body and number, time,
 * place or join link, the formøte, who is called, how to report absence, and the agenda.
 */
export function meetingCard(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  notice = '',
  extras: NoticeExtras = {},
): Reply {
  const body = bodyName(org, meeting.bodyId);
  const start = new Date(meeting.start);
  const end = new Date(meeting.end);
  const where = [meeting.place, meeting.online ? t.t('meeting.online') : undefined].filter(Boolean).join(' · ');
  return card('meeting', {
    heading: t.t('meeting.heading', { body, number: meeting.number, year: meeting.year, id: meeting.id }),
    title: meeting.title,
    state: meeting.state === 'planned' ? '' : t.t(`meeting.state.${meeting.state}`),
    facts: [
      {
        label: t.t('meeting.when'),
        value: t.t('meeting.when-value', {
          date: formatLongDate(start, t.locale),
          from: formatTime(start, t.locale),
          to: formatClock(end, t.locale),
        }),
      },
      { label: t.t('meeting.where'), value: where || '-' },
      ...(extras.preMeeting?.state === 'planned'
        ? [{ label: t.t('meeting.pre-meeting'), value: preMeetingTime(t, extras.preMeeting) }]
        : []),
      ...(meeting.notes ? [{ label: t.t('meeting.notes'), value: meeting.notes }] : []),
      { label: t.t('meeting.papers'), value: t.t('meeting.papers-value', { id: meeting.id }) },
    ],
    joinUrl: meeting.joinUrl ?? '',
    joinLabel: t.t('meeting.join'),
    calendarLink: extras.calendarLink ?? '',
    calendarLabel: t.t('meeting.add-to-calendar'),
    calledHeading: t.t('meeting.called'),
    // A date past everyone's term calls no one: say so rather than leave the list out.
    calledNone: t.t('meeting.called-none'),
    called: seatsOf(org, meeting.bodyId, osloDate(meeting.start))
      .filter((s) => s.role !== 'deputy')
      .map((s) => ({ name: s.member.name, role: `${t.t(`seat.${s.role}`)}, ${s.represents}` })),
    notice,
    agendaHeading: t.t('meeting.agenda'),
    items: meeting.agenda.map((item) => agendaLine(org, t, item)),
    absenceHint: t.t('meeting.absence-hint', { id: meeting.id }),
  });
}

export function preMeetingTime(t: Translator, pre: PreMeeting): string {
  const start = new Date(pre.start);
  return t.t('meeting.when-value', {
    date: formatLongDate(start, t.locale),
    from: formatTime(start, t.locale),
    to: formatClock(new Date(pre.end), t.locale),
  });
}

function agendaLine(org: Organisation, t: Translator, item: AgendaItem) {
  const proposal =
    item.kind === 'minutes-approval'
      ? ''
      : item.proposal.kind === 'text'
        ? t.t('agenda.proposal', { text: item.proposal.text })
        : item.proposal.kind === 'in-meeting'
          ? t.t('agenda.proposal-in-meeting')
          : '';
  return {
    caseNumber: t.t('agenda.case', { caseNumber: formatCaseNumber(item.caseNumber) }),
    title: item.kind === 'minutes-approval' ? t.t('agenda.minutes-approval') : item.title,
    proposal,
    status: item.status === 'open' ? '' : t.t(`agenda.status.${item.status}`),
    background: item.background?.trim() ?? '',
    documents: documentLinks(t, item),
    responsible: item.responsible
      ? t.t('agenda.responsible', { name: memberById(org, item.responsible)?.name ?? item.responsible })
      : '',
  };
}

/** A case's documents as one line; the secretariat's links shown as their address: a title cannot disguise where one leads. */
export function documentLinks(t: Translator, item: AgendaItem): Markup | '' {
  return item.documents.length > 0
    ? markup(
        t.t('agenda.documents', {
          links: item.documents.map((d) => `${plainText(d.title)} (${addressLink(d.url)})`).join(', '),
        }),
      )
    : '';
}
