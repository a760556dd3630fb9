import type { Inquiry, LogEntry, Network } from '../../domain/network';
import { daysWaiting, networkLog, openInquiries } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { NetworkMeeting } from '../../domain/network';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';

/** The log's newest entries in a chat answer; the rest stays in the store. */
export const LOG_SHOWN = 10;
const EXCERPT = 200;

export const dayText = (iso: string, t: Translator): string => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT)}…` : s);
export const personName = (org: Organisation, id: string): string => memberById(org, id)?.name ?? id;

export function inquiryLine(org: Organisation, t: Translator, i: Inquiry, today: string): string {
  return t.t('network.inquiry-line', {
    id: i.id,
    supplier: i.supplier,
    received: dayText(i.received, t),
    days: daysWaiting(i, today),
    text: excerpt(i.text),
  });
}

export function logLine(org: Organisation, t: Translator, e: LogEntry): string {
  const date = dayText(e.date, t);
  if (e.kind === 'meeting')
    return t.t(e.meeting.kind === 'supplier' ? 'network.log.supplier-meeting' : 'network.log.meeting', {
      date,
      supplier: e.meeting.supplier ?? '',
      subject: excerpt(e.meeting.subject),
      planned: e.planned ? 'yes' : 'no',
    });
  if (e.kind === 'inquiry-received')
    return t.t('network.log.received', { date, id: e.inquiry.id, supplier: e.inquiry.supplier });
  const answer = e.inquiry.answer!;
  return t.t('network.log.answered', {
    date,
    id: e.inquiry.id,
    supplier: e.inquiry.supplier,
    by: personName(org, answer.answeredBy),
    count: answer.municipalities.length,
    names: answer.municipalities.map((m) => municipalityName(org, m)).join(', '),
  });
}

/** The network at a glance: who is in it, the suppliers, what is waiting for an answer, and the log. */
export function networkOverview(
  org: Organisation,
  t: Translator,
  network: Network,
  meetings: readonly NetworkMeeting[],
  inquiries: readonly Inquiry[],
  today: string,
): string {
  const members = network.members.map((m) =>
    t.t('network.member-line', {
      name: m.name,
      role: t.t(`network.role.${m.role}`),
      municipality: municipalityName(org, m.municipality),
    }),
  );
  const open = openInquiries(inquiries);
  const log = networkLog(meetings, inquiries, today);
  return [
    t.t('network.heading', { name: network.name, sample: network.sample ? 'yes' : 'no' }),
    network.about,
    t.t('network.members', { count: members.length }),
    ...members,
    t.t('network.suppliers', { count: network.suppliers.length, names: network.suppliers.join(', ') }),
    t.t('network.open', { count: open.length }),
    ...open.map((i) => inquiryLine(org, t, i, today)),
    t.t('network.log', { count: log.length, shown: Math.min(log.length, LOG_SHOWN) }),
    ...log.slice(0, LOG_SHOWN).map((e) => logLine(org, t, e)),
  ]
    .filter((l) => l !== '')
    .join('\n');
}
