import type { MunicipalityNumber } from './municipality';
import type { Result } from './result';
import { fail, ok } from './result';
import { osloDate } from './oslo-time';

/**
 * A network the secretariat runs for every municipality, such as the BPA network: those
 * responsible for personal-assistance services and the municipal lawyers share experience; the
 * secretariat holds follow-up meetings with the suppliers and answers the suppliers' inquiries
 * on behalf of the municipalities. The network itself is described in the organisation file;
 * its meetings and inquiries are records, and its log is read from them.
 */
export type NetworkRole = 'service-lead' | 'lawyer' | 'other';

export interface NetworkMember {
  readonly name: string;
  readonly municipality: MunicipalityNumber;
  readonly role: NetworkRole;
  readonly email?: string;
}

export interface Network {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly about: string;
  readonly members: readonly NetworkMember[];
  /** The suppliers the municipalities have contracts with: follow-up meetings and inquiries are theirs. */
  readonly suppliers: readonly string[];
  /** Invented for the sample organisation: to be replaced before use. */
  readonly sample?: boolean;
}

/** A meeting of the network itself, or a follow-up meeting with one supplier. */
export interface NetworkMeeting {
  readonly id: string;
  readonly networkId: string;
  readonly kind: 'network' | 'supplier';
  readonly supplier?: string;
  /** YYYY-MM-DD in Oslo: a date before today is a meeting held, from today on one planned. */
  readonly date: string;
  readonly subject: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface InquiryAnswer {
  readonly text: string;
  /** The municipalities the answer was given for (all the members unless fewer were named). */
  readonly municipalities: readonly MunicipalityNumber[];
  readonly answeredBy: string;
  readonly answeredAt: string;
}

/** An inquiry from a supplier, received and answered once by the secretariat for the municipalities. */
export interface Inquiry {
  readonly id: string;
  readonly networkId: string;
  readonly supplier: string;
  /** The day it arrived (YYYY-MM-DD). */
  readonly received: string;
  readonly text: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly answer?: InquiryAnswer;
}

export const SUBJECT_MAX = 500;
export const SUPPLIER_MAX = 100;
export const INQUIRY_TEXT_MAX = 4000;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The day in Oslo an inquiry was answered. */
export const answeredOn = (i: Inquiry): string => (i.answer ? osloDate(i.answer.answeredAt) : '');

/** The supplier as the network knows it ("aleris" is "Aleris Omsorg"), or as typed if new. */
export function supplierNamed(network: Network, typed: string): string {
  const t = typed.trim().toLowerCase();
  return (
    network.suppliers.find((s) => s.toLowerCase() === t) ??
    network.suppliers.find((s) => s.toLowerCase().startsWith(t)) ??
    typed.trim()
  );
}

function checkSupplier(supplier: string): Result<string> {
  const s = supplier.trim();
  if (s === '') return fail('NETWORK.SUPPLIER_MISSING');
  if (s.length > SUPPLIER_MAX) return fail('NETWORK.SUPPLIER_TOO_LONG', { max: SUPPLIER_MAX });
  return ok(s);
}

export function recordNetworkMeeting(
  network: Network,
  draft: { date: string; subject: string; supplier?: string },
  meta: { id: string; by: string },
  now: Date,
): Result<NetworkMeeting> {
  const subject = draft.subject.trim();
  if (!isDate(draft.date)) return fail('NETWORK.BAD_DATE', { value: draft.date });
  if (subject === '') return fail('NETWORK.SUBJECT_MISSING');
  if (subject.length > SUBJECT_MAX) return fail('NETWORK.SUBJECT_TOO_LONG', { max: SUBJECT_MAX });
  let supplier: string | undefined;
  if (draft.supplier !== undefined) {
    const s = checkSupplier(draft.supplier);
    if (!s.ok) return s;
    supplier = supplierNamed(network, s.value);
  }
  return ok({
    id: meta.id,
    networkId: network.id,
    kind: supplier ? 'supplier' : 'network',
    ...(supplier && { supplier }),
    date: draft.date,
    subject,
    recordedBy: meta.by,
    recordedAt: now.toISOString(),
  });
}

/** Records an inquiry as it arrived: from whom, on which day (not after today), and what it asks. */
export function receiveInquiry(
  network: Network,
  draft: { supplier: string; text: string; received: string },
  meta: { id: string; by: string },
  now: Date,
  today: string,
): Result<Inquiry> {
  const s = checkSupplier(draft.supplier);
  if (!s.ok) return s;
  const text = draft.text.trim();
  if (text === '') return fail('NETWORK.INQUIRY_TEXT_MISSING');
  if (text.length > INQUIRY_TEXT_MAX) return fail('NETWORK.INQUIRY_TEXT_TOO_LONG', { max: INQUIRY_TEXT_MAX });
  if (!isDate(draft.received)) return fail('NETWORK.BAD_DATE', { value: draft.received });
  if (draft.received > today) return fail('NETWORK.RECEIVED_IN_FUTURE');
  return ok({
    id: meta.id,
    networkId: network.id,
    supplier: supplierNamed(network, s.value),
    received: draft.received,
    text,
    recordedBy: meta.by,
    recordedAt: now.toISOString(),
  });
}

/**
 * Answers an inquiry once, for the municipalities named or, when none are, for every member
 * municipality on the day. A second answer is refused: the supplier has had one; a correction is
 * a new inquiry. A named municipality that is not a member is refused by name.
 */
export function answerInquiry(
  inquiry: Inquiry,
  answer: { text: string; municipalities?: readonly MunicipalityNumber[] },
  members: readonly MunicipalityNumber[],
  meta: { by: string; nameOf: (memberId: string) => string },
  now: Date,
): Result<Inquiry> {
  if (inquiry.answer)
    return fail('NETWORK.ALREADY_ANSWERED', {
      id: inquiry.id,
      by: meta.nameOf(inquiry.answer.answeredBy),
      date: answeredOn(inquiry),
    });
  const text = answer.text.trim();
  if (text === '') return fail('NETWORK.ANSWER_MISSING');
  if (text.length > INQUIRY_TEXT_MAX) return fail('NETWORK.INQUIRY_TEXT_TOO_LONG', { max: INQUIRY_TEXT_MAX });
  const named = answer.municipalities ?? [];
  const outside = named.find((m) => !members.includes(m));
  if (outside !== undefined) return fail('NETWORK.NOT_A_MEMBER', { municipality: outside });
  const municipalities = named.length > 0 ? [...new Set(named)] : [...members];
  if (municipalities.length === 0) return fail('NETWORK.NO_MUNICIPALITIES');
  return ok({
    ...inquiry,
    answer: { text, municipalities, answeredBy: meta.by, answeredAt: now.toISOString() },
  });
}

export type LogEntry =
  | { readonly kind: 'meeting'; readonly date: string; readonly meeting: NetworkMeeting; readonly planned: boolean }
  | { readonly kind: 'inquiry-received'; readonly date: string; readonly inquiry: Inquiry }
  | { readonly kind: 'inquiry-answered'; readonly date: string; readonly inquiry: Inquiry };

const order: Record<LogEntry['kind'], number> = { 'inquiry-answered': 0, meeting: 1, 'inquiry-received': 2 };

/**
 * The network's log: every meeting (held or planned) and every inquiry's arrival and answer,
 * newest first; on one day an answer comes before what it answers.
 */
export function networkLog(
  meetings: readonly NetworkMeeting[],
  inquiries: readonly Inquiry[],
  today: string,
): LogEntry[] {
  const entries: LogEntry[] = [
    ...meetings.map((m) => ({ kind: 'meeting' as const, date: m.date, meeting: m, planned: m.date >= today })),
    ...inquiries.map((i) => ({ kind: 'inquiry-received' as const, date: i.received, inquiry: i })),
    ...inquiries
      .filter((i) => i.answer)
      .map((i) => ({ kind: 'inquiry-answered' as const, date: answeredOn(i), inquiry: i })),
  ];
  return entries.sort((a, b) => b.date.localeCompare(a.date) || order[a.kind] - order[b.kind]);
}

/** Open inquiries, oldest first: the one waiting longest is answered first. */
export const openInquiries = (inquiries: readonly Inquiry[]): Inquiry[] =>
  inquiries.filter((i) => !i.answer).sort((a, b) => a.received.localeCompare(b.received) || a.id.localeCompare(b.id));

/** How many days an inquiry has waited (or waited, once answered). */
export function daysWaiting(inquiry: Inquiry, today: string): number {
  const end = inquiry.answer ? answeredOn(inquiry) : today;
  return Math.round((Date.parse(`${end}T12:00:00Z`) - Date.parse(`${inquiry.received}T12:00:00Z`)) / 86_400_000);
}

export function findNetwork(networks: readonly Network[], name: string): Network | undefined {
  const n = name.trim().toLowerCase();
  return networks.find((x) => x.id === n || x.name.toLowerCase() === n || x.aliases.some((a) => a.toLowerCase() === n));
}
