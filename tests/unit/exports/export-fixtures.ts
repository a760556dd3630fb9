import { reportAbsence } from '../../../src/domain/absence';
import { addItem, withdrawItem } from '../../../src/domain/agenda';
import type { InputAnswer, ItemInput, Position } from '../../../src/domain/input';
import { giveInput } from '../../../src/domain/input';
import type { InputRequest } from '../../../src/domain/input-request';
import type { InputSummary } from '../../../src/domain/input-summary';
import { summarizeInput } from '../../../src/domain/input-summary';
import type { Meeting, MeetingContext } from '../../../src/domain/meeting';
import { markHeld, planMeeting } from '../../../src/domain/meeting';
import type { Member, Membership } from '../../../src/domain/member';
import type { ItemMinutes, Minutes } from '../../../src/domain/minutes';
import { draftMinutes, recordItemMinutes } from '../../../src/domain/minutes';
import type { Organisation } from '../../../src/domain/organisation';
import { must, person as personOf, seat as seatOf } from '../../fixtures/organisation-builders';

/*
 * An OSU meeting as the secretariat would run it: four municipalities and the hospital trust,
 * four cases and one withdrawn, input from three municipalities, and minutes with a named vote.
 */

export { must };

const term = { from: '2025-01-01', to: '2027-12-31' };
const seat = (role: Membership['role'], represents: Membership['represents'], deputyFor?: string): Membership =>
  seatOf('osu', role, represents, term, deputyFor);
const person = (
  id: string,
  name: string,
  memberships: Membership[],
  respondentFor: Member['respondentFor'] = [],
): Member => personOf(id, memberships, respondentFor, { name, coordinator: id === 'koord' });

export const org: Organisation = {
  cooperation: { name: 'Kommunehelsesamarbeidet', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  bodies: [{ id: 'osu', name: 'OSU', kind: 'osu', aliases: [] }],
  municipalities: [
    { number: '3305', name: 'Ringerike', areas: [], population: 31000, small: false },
    { number: '3310', name: 'Hole', areas: [], population: 7000, small: true },
    { number: '3301', name: 'Drammen', areas: [], population: 102000, small: false },
    { number: '3316', name: 'Modum', areas: [], population: 14000, small: true },
  ],
  members: [
    person(
      'kari',
      'Kari Holm',
      [seat('chair', { municipality: '3305' })],
      [{ municipality: '3305', role: 'respondent' }],
    ),
    person('ola', 'Ola Berg', [seat('member', { municipality: '3310' })]),
    person(
      'siri',
      'Siri Lunde',
      [seat('member', { municipality: '3301' })],
      [{ municipality: '3301', role: 'respondent' }],
    ),
    person(
      'per',
      'Per Aas',
      [seat('member', { municipality: '3316' })],
      [{ municipality: '3316', role: 'respondent' }],
    ),
    person('hanne', 'Hanne Fjeld', [seat('member', { party: 'Vestre Viken HF' })]),
    person(
      'eva',
      'Eva Dahl',
      [seat('deputy', { municipality: '3310' }, 'ola')],
      [{ municipality: '3310', role: 'respondent' }],
    ),
    person('koord', 'Nina Solberg', []),
  ],
};

const planAt = new Date('2026-03-10T08:00:00Z');
const context = (meetings: readonly Meeting[]): MeetingContext => ({
  now: planAt,
  bodyIds: new Set(['osu']),
  meetings,
});

/** OSU on Thursday 23 April 2026, 10:00–14:00 in Oslo, at the hospital and on Teams. */
export function plannedMeeting(): Meeting {
  let m = must(
    planMeeting(
      'm1',
      {
        bodyId: 'osu',
        title: 'OSU-møte våren 2026',
        start: '2026-04-23T08:00:00Z',
        end: '2026-04-23T12:00:00Z',
        place: 'Drammen sykehus, auditoriet',
        online: true,
      },
      context([]),
    ),
  ).meeting;
  const add = (id: string, title: string, proposal: { kind: 'text'; text: string } | { kind: 'in-meeting' }) => {
    m = must(addItem(m, [], { id, draft: { title, proposal } }));
  };
  add('i1', 'Handlingsplan 2026', { kind: 'text', text: 'OSU vedtar handlingsplanen for 2026.' });
  add('i2', 'Høring: forskrift om akuttmedisin', {
    kind: 'text',
    text: 'OSU slutter seg til utkastet til høringssvar.',
  });
  add('i3', 'Utskrivningsklare pasienter', { kind: 'in-meeting' });
  add('i4', 'Revisjon av tjenesteavtale 3', { kind: 'text', text: 'Saken utsettes.' });
  return must(withdrawItem(m, 'i4'));
}

export const request: InputRequest = {
  meetingId: 'm1',
  municipalities: ['3305', '3310', '3301', '3316'],
  sendAt: '2026-04-14T08:00:00Z',
  deadline: '2026-04-21T13:00:00Z',
  reminders: [],
};

export const TEXT_HOLE_I2 = 'For dyrt for små kommuner: krever ny legevaktordning.';
export const TEXT_DRAMMEN_I1 = 'Ta med legevakt i planen.';
export const TEXT_DRAMMEN_I2 = 'Vi støtter, men ber om en overgangsordning.';

export function inputSummary(meeting: Meeting = plannedMeeting()): InputSummary {
  const at = new Date('2026-04-16T08:00:00Z');
  let answers: InputAnswer[] = [];
  const give = (givenBy: string, items: [Position, string][]) => {
    const entries: ItemInput[] = items.map(([position, text], k) => ({ itemId: `i${k + 1}`, position, text }));
    const s = {
      meetingId: 'm1',
      givenBy,
      meetingVersion: meeting.version,
      status: 'submitted' as const,
      idempotencyKey: `${givenBy}-1`,
      items: entries,
    };
    answers = [...must(giveInput(meeting, request, answers, org, s, at)).answers];
  };
  give('kari', [
    ['support', ''],
    ['support', ''],
    ['support', ''],
  ]);
  give('eva', [
    ['support', ''],
    ['against', TEXT_HOLE_I2],
    ['no-view', ''],
  ]);
  give('siri', [
    ['support-with-changes', TEXT_DRAMMEN_I1],
    ['support', TEXT_DRAMMEN_I2],
    ['against', 'Må utredes mer.'],
  ]);
  return summarizeInput(meeting, request, answers);
}

export const DECISION_I1 = '1. Handlingsplanen for 2026 vedtas.\n2. Legevakt tas inn i planen.';

/** The meeting held, Ola absent and Eva in his place, every case's vedtak written. */
export function heldWithMinutes(): { meeting: Meeting; minutes: Minutes } {
  const planned = plannedMeeting();
  const absence = must(reportAbsence(org, planned, [], { memberId: 'ola', reason: 'Sykdom' }, planAt));
  const meeting = must(markHeld(planned, new Date('2026-04-23T08:05:00Z')));
  let minutes = must(draftMinutes(meeting, org, [absence]));
  // The draft carries each case's written proposal as its recommendation; keep it.
  const entry = (itemId: string, decision: string, extra: Partial<ItemMinutes> = {}): ItemMinutes => ({
    ...minutes.content.items.find((i) => i.itemId === itemId)!,
    decision,
    ...extra,
  });
  const write = (e: ItemMinutes) => {
    minutes = must(recordItemMinutes(minutes, meeting, e));
  };
  write(entry(meeting.agenda[0]!.id, 'Protokollen fra forrige møte godkjennes.'));
  write(
    entry('i1', DECISION_I1, {
      proposals: [{ by: 'siri', text: 'Legevakt tas inn i planen.' }],
      votes: [
        {
          proposal: 'Legevakt tas inn i planen.',
          named: true,
          ballots: [
            { memberId: 'kari', option: 'for' },
            { memberId: 'eva', option: 'for' },
            { memberId: 'per', option: 'against' },
            { memberId: 'hanne', option: 'abstain' },
          ],
          counts: { for: 2, against: 1, abstain: 1 },
        },
      ],
    }),
  );
  write(entry('i2', 'Høringssvaret sendes som foreslått.'));
  write(
    entry('i3', 'Kommunene og sykehuset lager felles rutine innen 1. september.', {
      votes: [{ proposal: 'Felles rutine', named: false, ballots: [], counts: { for: 5 } }],
    }),
  );
  return { meeting, minutes };
}

/** The next OSU meeting, where the minutes are approved. */
export function nextMeeting(previous: Meeting): Meeting {
  return must(
    planMeeting(
      'm2',
      {
        bodyId: 'osu',
        title: 'OSU-møte juni 2026',
        start: '2026-06-04T08:00:00Z',
        end: '2026-06-04T11:00:00Z',
        place: 'Ringerike sykehus',
      },
      context([previous]),
    ),
  ).meeting;
}
