import type { AgendaItemDraft } from '../../../src/domain/agenda-item';
import { addItem } from '../../../src/domain/agenda';
import type { Meeting, MeetingContext, MeetingDetails } from '../../../src/domain/meeting';
import { planMeeting } from '../../../src/domain/meeting';
import type { Member, Membership } from '../../../src/domain/member';
import type { Organisation } from '../../../src/domain/organisation';
import type { Result } from '../../../src/domain/result';
import { must, person as personOf, seat as seatOf } from '../../fixtures/organisation-builders';

/** Tuesday 10 March 2026, 09:00 in Oslo (CET, UTC+1). */
export const now = new Date('2026-03-10T08:00:00Z');

export { must };

export function code<T>(r: Result<T>): string | undefined {
  return r.ok ? undefined : r.error.code;
}

const term = { from: '2025-01-01', to: '2027-12-31' };
const seat = (body: string, role: Membership['role'], municipality?: string, deputyFor?: string): Membership =>
  seatOf(body, role, municipality ? { municipality } : { party: 'Vestre Viken HF' }, term, deputyFor);
const person = (id: string, memberships: Membership[], respondentFor: Member['respondentFor'] = []): Member =>
  personOf(id, memberships, respondentFor, { coordinator: id === 'koord' });

/**
 * OSU with three municipal members and one from the trust, a deputy for Hole's member, and
 * respondents for three municipalities (Eva answers for Hole and stands in for Ringerike).
 */
export const org: Organisation = {
  cooperation: { name: 'KHS', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  bodies: [
    { id: 'osu', name: 'OSU', kind: 'osu', aliases: [] },
    { id: 'styret', name: 'Samarbeidsstyret', kind: 'board', aliases: ['styret'] },
  ],
  municipalities: [
    { number: '3305', name: 'Ringerike', areas: [], population: 31000, small: false },
    { number: '3310', name: 'Hole', areas: [], population: 7000, small: true },
    { number: '3301', name: 'Drammen', areas: [], population: 102000, small: false },
  ],
  members: [
    person(
      'kari',
      [seat('osu', 'chair', '3305'), seat('styret', 'member', '3305')],
      [{ municipality: '3305', role: 'respondent' }],
    ),
    person('ola', [seat('osu', 'member', '3310')]),
    person('siri', [seat('osu', 'member', '3301')], [{ municipality: '3301', role: 'respondent' }]),
    person('hf', [seat('osu', 'member')]),
    person(
      'eva',
      [seat('osu', 'deputy', '3310', 'ola')],
      [
        { municipality: '3310', role: 'respondent' },
        { municipality: '3305', role: 'deputy' },
      ],
    ),
    person('lars', [], [{ municipality: '3301', role: 'deputy' }]),
    person('koord', []),
  ],
};

export const municipalities = ['3305', '3310', '3301'];

export function context(meetings: readonly Meeting[] = [], at: Date = now): MeetingContext {
  return { now: at, bodyIds: new Set(org.bodies.map((b) => b.id)), meetings };
}

/** OSU on Thursday 23 April 2026, 10:00-14:00 in Oslo (CEST, UTC+2). */
export const details: MeetingDetails = {
  bodyId: 'osu',
  title: 'OSU-møte',
  start: '2026-04-23T08:00:00Z',
  end: '2026-04-23T12:00:00Z',
  place: 'Drammen sykehus',
  online: true,
};

export function planned(id = 'm1', d: Partial<MeetingDetails> = {}, meetings: readonly Meeting[] = []): Meeting {
  return must(planMeeting(id, { ...details, ...d }, context(meetings))).meeting;
}

export const draft = (title: string, extra: Partial<AgendaItemDraft> = {}): AgendaItemDraft => ({
  title,
  proposal: { kind: 'text', text: `Forslag: ${title}` },
  ...extra,
});

/** A planned OSU meeting with the minutes approval and two cases, i1 and i2. */
export function withTwoCases(id = 'm1'): Meeting {
  let m = planned(id);
  m = must(addItem(m, [], { id: 'i1', draft: draft('Handlingsplan 2026') }));
  m = must(addItem(m, [], { id: 'i2', draft: draft('Høring: akuttmedisin') }));
  return m;
}
