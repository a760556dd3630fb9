import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import {
  answerInquiry,
  daysWaiting,
  findNetwork,
  networkLog,
  openInquiries,
  receiveInquiry,
  recordNetworkMeeting,
} from '../../../src/domain/network';

const bpa: Network = {
  id: 'bpa',
  name: 'BPA-nettverket',
  aliases: ['BPA'],
  about: '',
  suppliers: ['Aleris Omsorg', 'Assistansetjenester AS'],
  members: [
    { name: 'Tone Lie', municipality: '3324', role: 'service-lead' },
    { name: 'Per Dahl', municipality: '3201', role: 'lawyer' },
  ],
};
const now = new Date('2026-12-03T09:00:00Z');
const today = '2026-12-03';
const members = ['3201', '3203', '3324', '3330'];
const nameOf = (id: string) => ({ 'ingrid-haugen': 'Ingrid Haugen' })[id] ?? id;

const inquiry = () => {
  const r = receiveInquiry(
    bpa,
    { supplier: 'aleris', text: 'Hvordan skal timelister sendes?', received: '2026-11-20' },
    { id: 'H1', by: 'ingrid-haugen' },
    now,
    today,
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('the BPA network: meetings', () => {
  it('a meeting with a supplier is a follow-up meeting, under the name the network knows', () => {
    const r = recordNetworkMeeting(
      bpa,
      { date: '2026-12-10', subject: 'Oppfølging av rammeavtalen', supplier: 'assistanse' },
      { id: 'N1', by: 'ingrid-haugen' },
      now,
    );
    expect(r.ok && r.value).toMatchObject({ kind: 'supplier', supplier: 'Assistansetjenester AS' });
  });

  it('a meeting without a supplier is the network’s own; a subject is required and bounded', () => {
    const own = recordNetworkMeeting(bpa, { date: '2026-11-01', subject: 'Ny veileder' }, { id: 'N2', by: 'x' }, now);
    expect(own.ok && own.value.kind).toBe('network');
    const empty = recordNetworkMeeting(bpa, { date: '2026-11-01', subject: '  ' }, { id: 'N3', by: 'x' }, now);
    expect(!empty.ok && empty.error.code).toBe('NETWORK.SUBJECT_MISSING');
    const long = recordNetworkMeeting(
      bpa,
      { date: '2026-11-01', subject: 'x'.repeat(501) },
      { id: 'N4', by: 'x' },
      now,
    );
    expect(!long.ok && long.error).toEqual({ code: 'NETWORK.SUBJECT_TOO_LONG', params: { max: 500 } });
  });
});

describe('the BPA network: inquiries from suppliers', () => {
  it('an inquiry received is open until answered, and cannot be dated after today', () => {
    const i = inquiry();
    expect(i.supplier).toBe('Aleris Omsorg');
    expect(openInquiries([i]).map((x) => x.id)).toEqual(['H1']);
    expect(daysWaiting(i, today)).toBe(13);
    const future = receiveInquiry(
      bpa,
      { supplier: 'Aleris', text: 'Spørsmål', received: '2026-12-04' },
      { id: 'H2', by: 'x' },
      now,
      today,
    );
    expect(!future.ok && future.error.code).toBe('NETWORK.RECEIVED_IN_FUTURE');
  });

  it('answered for every member municipality when none are named', () => {
    const a = answerInquiry(
      inquiry(),
      { text: 'Månedlig, elektronisk.' },
      members,
      { by: 'ingrid-haugen', nameOf },
      now,
    );
    expect(a.ok && a.value.answer).toEqual({
      text: 'Månedlig, elektronisk.',
      municipalities: members,
      answeredBy: 'ingrid-haugen',
      answeredAt: now.toISOString(),
    });
    expect(a.ok && openInquiries([a.value])).toEqual([]);
  });

  it('answered for the municipalities named, each once; one that is not a member is refused by number', () => {
    const some = answerInquiry(
      inquiry(),
      { text: 'Ja.', municipalities: ['3324', '3330', '3324'] },
      members,
      { by: 'ingrid-haugen', nameOf },
      now,
    );
    expect(some.ok && some.value.answer?.municipalities).toEqual(['3324', '3330']);
    const outside = answerInquiry(
      inquiry(),
      { text: 'Ja.', municipalities: ['3324', '3305'] },
      members,
      { by: 'ingrid-haugen', nameOf },
      now,
    );
    expect(!outside.ok && outside.error).toEqual({ code: 'NETWORK.NOT_A_MEMBER', params: { municipality: '3305' } });
  });

  it('an inquiry is answered once: the second answer says who answered and when', () => {
    const first = answerInquiry(inquiry(), { text: 'Ja.' }, members, { by: 'ingrid-haugen', nameOf }, now);
    if (!first.ok) throw new Error('first answer refused');
    const second = answerInquiry(first.value, { text: 'Nei.' }, members, { by: 'ola-berg', nameOf }, now);
    expect(!second.ok && second.error).toEqual({
      code: 'NETWORK.ALREADY_ANSWERED',
      params: { id: 'H1', by: 'Ingrid Haugen', date: '2026-12-03' },
    });
    const empty = answerInquiry(inquiry(), { text: ' ' }, members, { by: 'x', nameOf }, now);
    expect(!empty.ok && empty.error.code).toBe('NETWORK.ANSWER_MISSING');
  });
});

describe('the network log', () => {
  it('meetings and inquiries newest first, planned meetings marked; an answer before what it answers on one day', () => {
    const asked = receiveInquiry(
      bpa,
      { supplier: 'Aleris', text: 'Spørsmål', received: '2026-12-03' },
      { id: 'H3', by: 'x' },
      now,
      today,
    );
    if (!asked.ok) throw new Error('refused');
    const answered = answerInquiry(asked.value, { text: 'Svar' }, members, { by: 'x', nameOf }, now);
    if (!answered.ok) throw new Error('refused');
    const held = recordNetworkMeeting(bpa, { date: '2026-10-01', subject: 'Møte' }, { id: 'N5', by: 'x' }, now);
    const coming = recordNetworkMeeting(bpa, { date: '2027-01-15', subject: 'Neste' }, { id: 'N6', by: 'x' }, now);
    if (!held.ok || !coming.ok) throw new Error('refused');
    const log = networkLog([held.value, coming.value], [answered.value], today);
    expect(log.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2027-01-15 meeting',
      '2026-12-03 inquiry-answered',
      '2026-12-03 inquiry-received',
      '2026-10-01 meeting',
    ]);
    expect(log[0]).toMatchObject({ planned: true });
    expect(log[3]).toMatchObject({ planned: false });
  });

  it('finds a network by id, name or alias', () => {
    expect(findNetwork([bpa], 'bpa')?.id).toBe('bpa');
    expect(findNetwork([bpa], 'BPA-nettverket')?.id).toBe('bpa');
    expect(findNetwork([bpa], 'komut')).toBeUndefined();
  });
});
