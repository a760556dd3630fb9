import type { BallotBox } from '../../domain/ballot';
import type { Quorum } from '../../domain/vote';
import { ABSTAIN, AGAINST, FOR } from '../../domain/vote';
import { tallyVote } from '../../domain/tally';
import type { ResultRow } from '../../ports/result-lists';
import type { VoteRecord } from '../voting/vote-records';
import type { RowContext } from './row-context';
import { bodyOf } from './row-context';

const quorumText = (q: Quorum, c: RowContext): string =>
  q.kind === 'none'
    ? c.t.t('lists.quorum.none')
    : c.t.t('lists.quorum.share', { strict: String(q.strict), numerator: q.numerator, denominator: q.denominator });

/**
 * Avstemninger: one row per vote, its settings, and its result once it is closed. Only totals,
 * never a ballot: no voter key, no option of anyone's, no time of a cast. Counts appear once,
 * at closing, even for votes that show interim counts on the card: a list keeps every version
 * of a row, and two versions one ballot apart would pair a voter with a choice in a secret vote.
 */
export function voteRow(vote: VoteRecord, box: BallotBox | undefined, c: RowContext): ResultRow {
  const closed = vote.state === 'closed';
  const tally = vote.state !== 'draft' && box ? tallyVote(vote, box) : undefined;
  const final = closed ? tally : undefined;
  const label = (id: string) => vote.settings.options.find((o) => o.id === id)?.label ?? c.t.t(`vote.option.${id}`);
  return {
    key: `votes/${vote.id}`,
    title: vote.title,
    cells: {
      CaseNumber: vote.caseNumber ?? null,
      Body: bodyOf(c, vote.body),
      VoteState: vote.state,
      Secrecy: vote.settings.secrecy,
      Rule: vote.settings.rule,
      Electorate: vote.settings.electorate,
      Quorum: quorumText(vote.settings.quorum, c),
      Deadline: vote.settings.deadline ?? null,
      OpenedAt: vote.state === 'draft' ? null : vote.openedAt,
      ClosedAt: vote.state === 'closed' ? vote.closedAt : null,
      Eligible: vote.state === 'draft' ? null : vote.electorate.voters.length,
      // How many took part is on the card while it is open; it says nothing of what anyone chose.
      Voted: tally?.voted ?? null,
      For: final ? (final.counts[FOR] ?? null) : null,
      Against: final ? (final.counts[AGAINST] ?? null) : null,
      Abstained: final ? (final.counts[ABSTAIN] ?? null) : null,
      Results: final ? vote.settings.options.map((o) => `${label(o.id)}: ${final.counts[o.id] ?? 0}`).join('\n') : null,
      Outcome: final?.outcome.kind ?? null,
      QuorumMet: final ? final.quorum.met : null,
    },
  };
}
