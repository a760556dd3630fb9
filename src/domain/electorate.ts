import type { Member } from './member';
import { holdsSeatOn } from './member';
import type { MunicipalityNumber } from './municipality';
import type { Organisation } from './organisation';
import type { Result } from './result';
import { fail, ok } from './result';

/** Who has a vote: each member of the body, or each municipality (one vote whoever casts it). */
export type ElectorateKind = 'members' | 'municipalities';

/** A member id (members' votes) or a municipality number (municipalities' votes). */
export type VoterKey = string;

/**
 * One vote in the electorate and the people who may cast it. The key stays the seat
 * holder's even when a deputy casts, so a stand-in never adds a vote.
 */
export interface Voter {
  readonly key: VoterKey;
  /** Member ids that may cast this vote, in order of precedence. */
  readonly casters: readonly string[];
  /** The chair's vote decides a tie where the vote says so (kommuneloven § 11-9). */
  readonly chair?: boolean;
}

/** Who may vote, snapshotted when the vote opens, so later changes to seats do not move it. */
export interface Electorate {
  readonly kind: ElectorateKind;
  readonly takenOn: string; // ISO date the seats were read for
  readonly voters: readonly Voter[];
}

/**
 * The body's members with a seat in force (chair and members; deputies and observers have no
 * vote of their own). A member who has reported absence (forfall) is stood in for by their
 * deputies; with no deputy in force the seat stays theirs, so it still counts towards quorum.
 */
export function membersElectorate(
  org: Organisation,
  bodyId: string,
  onDate: string,
  absent: ReadonlySet<string> = new Set(),
): Electorate {
  const voters: Voter[] = [];
  for (const member of org.members) {
    const seat = member.memberships.find(
      (m) => m.body === bodyId && (m.role === 'chair' || m.role === 'member') && holdsSeatOn(m, onDate),
    );
    if (!seat || voters.some((v) => v.key === member.id)) continue;
    const deputies = absent.has(member.id) ? deputiesOf(org, bodyId, member.id, onDate) : [];
    voters.push({
      key: member.id,
      casters: deputies.length > 0 ? deputies.map((d) => d.id) : [member.id],
      ...(seat.role === 'chair' ? { chair: true } : {}),
    });
  }
  return { kind: 'members', takenOn: onDate, voters };
}

function deputiesOf(org: Organisation, bodyId: string, memberId: string, onDate: string): Member[] {
  return org.members.filter((p) =>
    p.memberships.some(
      (m) => m.body === bodyId && m.role === 'deputy' && m.deputyFor === memberId && holdsSeatOn(m, onDate),
    ),
  );
}

/**
 * One vote per municipality, cast by its respondent or the respondent's deputy. A municipality
 * without either still counts as eligible: it blocks unanimity rather than vanishing from it.
 */
export function municipalitiesElectorate(
  org: Organisation,
  onDate: string,
  municipalities: readonly MunicipalityNumber[] = org.municipalities.map((m) => m.number),
): Electorate {
  const voters = municipalities.map((number): Voter => {
    const named = (role: 'respondent' | 'deputy') =>
      org.members
        .filter((p) => p.respondentFor.some((r) => r.municipality === number && r.role === role))
        .map((p) => p.id);
    return { key: number, casters: [...named('respondent'), ...named('deputy')] };
  });
  return { kind: 'municipalities', takenOn: onDate, voters };
}

export function mayCastFor(electorate: Electorate, memberId: string, key: VoterKey): boolean {
  return electorate.voters.some((v) => v.key === key && v.casters.includes(memberId));
}

export function keysCastableBy(electorate: Electorate, memberId: string): VoterKey[] {
  return electorate.voters.filter((v) => v.casters.includes(memberId)).map((v) => v.key);
}

export function chairKey(electorate: Electorate): VoterKey | undefined {
  return electorate.voters.find((v) => v.chair)?.key;
}

/**
 * Whose vote a person is casting. The payload may name the key (a respondent for two
 * municipalities must); a key the person may not cast for is refused, never re-guessed.
 */
export function resolveVoterKey(electorate: Electorate, memberId: string, named?: VoterKey): Result<VoterKey> {
  if (named !== undefined) return mayCastFor(electorate, memberId, named) ? ok(named) : fail('VOTE.NOT_ELIGIBLE');
  const keys = keysCastableBy(electorate, memberId);
  if (keys.length === 0) return fail('VOTE.NOT_ELIGIBLE');
  if (keys.length > 1) return fail('VOTE.WHICH_VOTER', { choices: keys.join(',') });
  return ok(keys[0]!);
}
