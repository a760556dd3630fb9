import type { CastRequest } from './cast-request';
import { castRefusal } from './cast-request';
import type { VoterKey } from './electorate';
import { resolveVoterKey } from './electorate';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Vote } from './vote';
import { hasOption } from './vote';
import type { OptionId } from './vote-option';

/** A stemme in a named vote. Never overwritten: a change adds the next version. */
export interface NamedBallot {
  readonly voterKey: VoterKey;
  /** Who pressed the button: the member, or the deputy or respondent casting for the key. */
  readonly castBy: string;
  readonly option: OptionId;
  readonly version: number;
  readonly castAt: string;
  readonly idempotencyKey: string;
}

/** That someone voted in a secret vote, with nothing of what they chose and no time. */
export interface Participation {
  readonly voterKey: VoterKey;
  readonly castBy: string;
  readonly idempotencyKey: string;
}

/**
 * The ballots of one vote. A named box keeps every version of every ballot. A secret box
 * keeps two things that share no field, no order and no time: who took part, and how many
 * chose each option. Counts rather than a list, so not even arrival order pairs them.
 * Whatever stores or logs a secret cast must keep to the same split: never the invoke's
 * payload (it names the option) beside its id or its sender. Two versions of a secret box one
 * ballot apart do pair, so no earlier version may be kept: the boxes are a history-free list
 * (ports/history-free.ts), sealed when a key is set (docs/voting-rules.md).
 */
export type BallotBox =
  | { readonly secrecy: 'named'; readonly voteId: string; readonly ballots: readonly NamedBallot[] }
  | {
      readonly secrecy: 'secret';
      readonly voteId: string;
      readonly participation: readonly Participation[];
      readonly choices: Readonly<Record<OptionId, number>>;
    };

export function emptyBox(vote: Vote): BallotBox {
  if (vote.settings.secrecy === 'named') return { secrecy: 'named', voteId: vote.id, ballots: [] };
  const choices: Record<OptionId, number> = {};
  for (const o of vote.settings.options) choices[o.id] = 0;
  return { secrecy: 'secret', voteId: vote.id, participation: [], choices };
}

/** What the voter is told back. In a secret vote it holds no choice, so a replay can repeat it. */
export interface Receipt {
  readonly voteId: string;
  readonly voterKey: VoterKey;
  readonly version: number;
  readonly option?: OptionId;
}

export interface Cast {
  readonly box: BallotBox;
  readonly receipt: Receipt;
  /** False when nothing new was recorded: a retried invoke, or the same choice clicked again. */
  readonly recorded: boolean;
}

const namedReceipt = (b: NamedBallot, voteId: string): Receipt => ({
  voteId,
  voterKey: b.voterKey,
  version: b.version,
  option: b.option,
});

/**
 * Casting a ballot (avgi stemme). Pure: the caller stores the returned box in one transaction
 * with a check that the box it read is still the latest.
 */
export function castBallot(vote: Vote, box: BallotBox, request: CastRequest, now: Date): Result<Cast> {
  if (box.voteId !== vote.id || request.voteId !== vote.id) return fail('VOTE.OTHER_VOTE');
  const replay = replayOf(box, request);
  if (replay) return replay;

  const refusal = castRefusal(vote, request, now);
  if (refusal) return { ok: false, error: refusal };
  if (vote.state !== 'open') return fail('VOTE.NOT_OPEN'); // castRefusal has said so; this narrows the type
  const key = resolveVoterKey(vote.electorate, request.castBy, request.voterKey);
  if (!key.ok) return key;
  if (!hasOption(vote, request.option)) return fail('VOTE.UNKNOWN_OPTION', { option: request.option });

  const voterKey = key.value;
  if (box.secrecy === 'secret') {
    if (box.participation.some((p) => p.voterKey === voterKey)) return fail('VOTE.CHANGE_NOT_ALLOWED');
    const participation = [
      ...box.participation,
      { voterKey, castBy: request.castBy, idempotencyKey: request.idempotencyKey },
    ];
    const choices = { ...box.choices, [request.option]: (box.choices[request.option] ?? 0) + 1 };
    return ok({
      box: { ...box, participation, choices },
      receipt: { voteId: vote.id, voterKey, version: 1 },
      recorded: true,
    });
  }

  const current = currentBallot(box, voterKey);
  if (current?.option === request.option) return ok({ box, receipt: namedReceipt(current, vote.id), recorded: false });
  if (current && !vote.settings.changeAllowed) return fail('VOTE.CHANGE_NOT_ALLOWED');
  const ballot: NamedBallot = {
    voterKey,
    castBy: request.castBy,
    option: request.option,
    version: (current?.version ?? 0) + 1,
    castAt: now.toISOString(),
    idempotencyKey: request.idempotencyKey,
  };
  return ok({
    box: { ...box, ballots: [...box.ballots, ballot] },
    receipt: namedReceipt(ballot, vote.id),
    recorded: true,
  });
}

/**
 * A retried invoke gets the first answer again, even after the vote has closed, because the
 * ballot it carried was counted. The same key from another person is an error, not a replay.
 */
function replayOf(box: BallotBox, request: CastRequest): Result<Cast> | undefined {
  const same = (k: { idempotencyKey: string }) => k.idempotencyKey === request.idempotencyKey;
  const replayed = (castBy: string, receipt: Receipt): Result<Cast> =>
    castBy === request.castBy ? ok({ box, receipt, recorded: false }) : fail('VOTE.IDEMPOTENCY_CONFLICT');
  if (box.secrecy === 'named') {
    const seen = box.ballots.find(same);
    return seen && replayed(seen.castBy, namedReceipt(seen, box.voteId));
  }
  const seen = box.participation.find(same);
  return seen && replayed(seen.castBy, { voteId: box.voteId, voterKey: seen.voterKey, version: 1 });
}

/** The ballot that counts for a key: its latest version. */
export function currentBallot(box: BallotBox & { secrecy: 'named' }, key: VoterKey): NamedBallot | undefined {
  let latest: NamedBallot | undefined;
  for (const b of box.ballots) if (b.voterKey === key && (!latest || b.version > latest.version)) latest = b;
  return latest;
}

/** Every version a key has cast, oldest first: the history a named vote keeps. */
export function ballotHistory(box: BallotBox & { secrecy: 'named' }, key: VoterKey): NamedBallot[] {
  return box.ballots.filter((b) => b.voterKey === key).sort((a, b) => a.version - b.version);
}

/** The counting ballots of a named vote, one per key. */
export function currentBallots(box: BallotBox & { secrecy: 'named' }): NamedBallot[] {
  const latest = new Map<VoterKey, NamedBallot>();
  for (const b of box.ballots) {
    const seen = latest.get(b.voterKey);
    if (!seen || b.version > seen.version) latest.set(b.voterKey, b);
  }
  return [...latest.values()];
}

export function hasVoted(box: BallotBox, key: VoterKey): boolean {
  return box.secrecy === 'named'
    ? box.ballots.some((b) => b.voterKey === key)
    : box.participation.some((p) => p.voterKey === key);
}

/**
 * Keys with no ballot yet, in electorate order: reminders go to these and no one else.
 * Taking part is not secret even in a secret vote; only the choice is.
 */
export function notVotedYet(vote: Vote, box: BallotBox): VoterKey[] {
  if (vote.state === 'draft') return [];
  return vote.electorate.voters.map((v) => v.key).filter((key) => !hasVoted(box, key));
}
