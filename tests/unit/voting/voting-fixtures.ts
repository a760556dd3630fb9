import type { BallotBox } from '../../../src/domain/ballot';
import { castBallot, emptyBox } from '../../../src/domain/ballot';
import type { Electorate } from '../../../src/domain/electorate';
import type { Member, Membership } from '../../../src/domain/member';
import type { Organisation } from '../../../src/domain/organisation';
import type { OpenVote, VoteSettings } from '../../../src/domain/vote';
import { draftVote, openVote } from '../../../src/domain/vote';
import { person as personOf, seat as seatOf } from '../../fixtures/organisation-builders';

export const now = new Date('2026-03-10T10:00:00Z');
export const later = new Date('2026-03-10T13:00:00Z');
export const deadline = '2026-03-10T12:00:00Z';

/** m1 … mN, each casting their own vote; m1 chairs. */
export function electorateOf(n: number): Electorate {
  return {
    kind: 'members',
    takenOn: '2026-03-10',
    voters: Array.from({ length: n }, (_, i) => ({
      key: `m${i + 1}`,
      casters: [`m${i + 1}`],
      ...(i === 0 ? { chair: true } : {}),
    })),
  };
}

export function openVoteOf(n: number, settings: Partial<VoteSettings> = {}, id = 'v1'): OpenVote {
  const draft = draftVote({ id, title: 'Handlingsplan 2026', body: 'styret', caseNumber: '6/2026', settings });
  if (!draft.ok) throw new Error(`draft refused: ${draft.error.code}`);
  const opened = openVote(draft.value, electorateOf(n), now);
  if (!opened.ok) throw new Error(`open refused: ${opened.error.code}`);
  return opened.value;
}

/** Casts each [voter, option] in turn as that voter; any refusal fails the test. */
export function castAll(
  vote: OpenVote,
  casts: readonly (readonly [string, string])[],
  box: BallotBox = emptyBox(vote),
): BallotBox {
  let i = 0;
  for (const [voter, option] of casts) {
    const r = castBallot(
      vote,
      box,
      { voteId: vote.id, castBy: voter, option, idempotencyKey: `invoke-${voter}-${i++}` },
      now,
    );
    if (!r.ok) throw new Error(`${voter} ${option} refused: ${r.error.code}`);
    box = r.value.box;
  }
  return box;
}

/** `castAll` from counts: the first `for` voters vote for, the next `against` against, and so on. */
export function castCounts(vote: OpenVote, counts: { for?: number; against?: number; abstain?: number }): BallotBox {
  const casts: [string, string][] = [];
  let next = 1;
  for (const option of ['for', 'against', 'abstain'] as const) {
    for (let i = 0; i < (counts[option] ?? 0); i++) casts.push([`m${next++}`, option]);
  }
  return castAll(vote, casts);
}

const term = { from: '2025-01-01', to: '2026-12-31' };
const seat = (body: string, role: Membership['role'], municipality: string, deputyFor?: string): Membership =>
  seatOf(body, role, { municipality }, term, deputyFor);
const person = (id: string, memberships: Membership[], respondentFor: Member['respondentFor'] = []): Member =>
  personOf(id, memberships, respondentFor);

export const org: Organisation = {
  cooperation: { name: 'KHS', hospitalTrust: 'Vestre Viken HF' },
  areas: [],
  bodies: [{ id: 'styret', name: 'Samarbeidsstyret', kind: 'board', aliases: [] }],
  municipalities: [
    { number: '3305', name: 'Ringerike', areas: [], population: 31000, small: false },
    { number: '3310', name: 'Hole', areas: [], population: 7000, small: true },
    { number: '3301', name: 'Drammen', areas: [], population: 102000, small: false },
  ],
  members: [
    person('kari', [seat('styret', 'chair', '3305')], [{ municipality: '3305', role: 'respondent' }]),
    person('ola', [seat('styret', 'member', '3310')]),
    person('siri', [seat('styret', 'member', '3301')], [{ municipality: '3301', role: 'respondent' }]),
    person(
      'eva',
      [seat('styret', 'deputy', '3310', 'ola')],
      [
        { municipality: '3310', role: 'respondent' },
        { municipality: '3305', role: 'deputy' },
      ],
    ),
    person('per', [seat('styret', 'observer', '3301')]),
    person('gammel', [{ ...seat('styret', 'member', '3301'), from: '2021-01-01', to: '2024-12-31' }]),
  ],
};
