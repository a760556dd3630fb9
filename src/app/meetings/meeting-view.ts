import type { AgendaItem } from '../../domain/agenda-item';
import { formatCaseNumber } from '../../domain/case-number';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatLongDate, formatTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';

/** The meeting as a notice reads: body and number, time, place or link, and the agenda. */
export function meetingCard(org: Organisation, t: Translator, meeting: Meeting, notice = ''): Reply {
  const body = org.bodies.find((b) => b.id === meeting.bodyId)?.name ?? meeting.bodyId;
  const start = new Date(meeting.start);
  const end = new Date(meeting.end);
  const where = [meeting.place, meeting.online ? t.t('meeting.online') : undefined].filter(Boolean).join(' · ');
  return card('meeting', {
    heading: t.t('meeting.heading', { body, number: meeting.number, year: meeting.year, id: meeting.id }),
    title: meeting.title,
    state: meeting.state === 'planned' ? '' : t.t(`meeting.state.${meeting.state}`),
    facts: [
      { label: t.t('meeting.when'), value: t.t('meeting.when-value', { date: formatLongDate(start, t.locale), from: formatTime(start, t.locale), to: formatTime(end, t.locale) }) },
      { label: t.t('meeting.where'), value: where || '-' },
      ...(meeting.notes ? [{ label: t.t('meeting.notes'), value: meeting.notes }] : []),
    ],
    notice,
    agendaHeading: t.t('meeting.agenda'),
    items: meeting.agenda.map((item) => agendaLine(t, item)),
    absenceHint: t.t('meeting.absence-hint', { id: meeting.id }),
  });
}

function agendaLine(t: Translator, item: AgendaItem) {
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
  };
}
