import { bodyName } from '../../domain/organisation';
import type { BallotBox } from '../../domain/ballot';
import { currentBallot, hasVoted } from '../../domain/ballot';
import { keysCastableBy } from '../../domain/electorate';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName, seatsOf } from '../../domain/organisation';
import type { Tally } from '../../domain/tally';
import { tallyVote } from '../../domain/tally';
import { isClosed, isOpen, isSecret, mayChange, showResults } from '../../domain/vote';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Notice } from '../notice';
import { noticeFields, warning } from '../notice';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { VoteRecord } from './vote-records';

export interface Viewer {
  readonly memberId?: string;
  readonly mayClose: boolean;
}

/** Teams refreshes a card by itself for at most 60 listed users; larger audiences press Refresh. */
export const MAX_AUTO_REFRESH = 60;

/** The vote as one person may see it: their own choice, and results only where the rules allow. */
export function voteCard(
  org: Organisation,
  t: Translator,
  vote: VoteRecord,
  box: BallotBox,
  viewer: Viewer,
  now: Date,
  extra: { notice?: Notice | string; refreshUserIds?: readonly string[] } = {},
): Reply {
  if (vote.state === 'draft') throw new Error('A draft vote has no card');
  const tally = tallyVote(vote, box);
  const keys = viewer.memberId ? keysCastableBy(vote.electorate, viewer.memberId) : [];
  const votedAlready = keys.some((k) => hasVoted(box, k));
  // Alternatives carry their own label; for / against / abstain are translated.
  const optionLabel = (id: string) => vote.settings.options.find((o) => o.id === id)?.label ?? t.t(`vote.option.${id}`);
  const open = isOpen(vote);
  const visible = showResults(vote, votedAlready, now);
  return card('vote', {
    shortenedNotice: t.t('safety.card-shortened.vote'),
    voteId: vote.id,
    version: tally.voted,
    // The card answers in its own language when pressed, whatever the client's setting.
    lang: t.locale,
    heading: t.t('vote.heading', {
      id: vote.id,
      body: bodyName(org, vote.body),
      caseNumber: vote.caseNumber ?? 'none',
    }),
    title: vote.title,
    rules: rulesLine(t, vote),
    progress: t.t('vote.progress', { voted: tally.voted, eligible: tally.eligible }),
    yourChoice: yourChoice(t, vote, box, keys, now, optionLabel),
    ...noticeFields(
      extra.notice ?? (viewer.memberId && keys.length === 0 && open ? warning(t.t('vote.not-eligible')) : ''),
    ),
    showResults: visible,
    outcome: visible ? outcomeText(t, tally, optionLabel, open) : '',
    // A bar per option where Teams draws charts; the same counts as text where it cannot (the chart's fallback).
    chartTitle: t.t('vote.chart-title'),
    counts: visible
      ? vote.settings.options.map((o) => ({
          label: optionLabel(o.id),
          number: String(tally.counts[o.id] ?? 0),
          value: tally.counts[o.id] ?? 0,
        }))
      : [],
    quorum: !visible
      ? ''
      : vote.settings.quorum.kind === 'none'
        ? t.t('vote.quorum-line.none', { voted: tally.voted, eligible: tally.eligible })
        : tally.outcome.kind === 'no-quorum'
          ? // The outcome above already says "Ikke beslutningsdyktig"; this line gives only the numbers.
            t.t('vote.quorum-line.numbers', {
              voted: tally.voted,
              eligible: tally.eligible,
              required: tally.quorum.required,
            })
          : t.t('vote.quorum-line', {
              met: String(tally.quorum.met),
              voted: tally.voted,
              eligible: tally.eligible,
              required: tally.quorum.required,
            }),
    namedHeading: t.t('vote.named-heading'),
    named: visible && !isSecret(vote) && box.secrecy === 'named' ? namedLines(org, t, vote, box, optionLabel) : [],
    notVoted:
      open && tally.notVoted && tally.notVoted.length > 0
        ? t.t('vote.not-voted', { names: tally.notVoted.map((k) => whoHoldsTheVote(org, t, vote, k)).join(', ') })
        : '',
    // Up to five options are buttons (Teams shows no more); more become a list and one button.
    ...ballotControls(
      open && keys.length > 0 && (!votedAlready || mayChange(vote, now))
        ? vote.settings.options.map((o) => ({ label: optionLabel(o.id), option: o.id }))
        : [],
    ),
    pickerLabel: t.t('vote.pick'),
    castLabel: t.t('vote.cast'),
    refreshLabel: t.t('vote.refresh'),
    canClose: open && viewer.mayClose,
    closeLabel: t.t('vote.close'),
    refreshUserIds: (extra.refreshUserIds ?? []).slice(0, MAX_AUTO_REFRESH),
  });
}

const MAX_BUTTONS = 5;

function ballotControls(options: { label: string; option: string }[]) {
  return options.length <= MAX_BUTTONS ? { choices: options, picker: [] } : { choices: [], picker: options };
}

function rulesLine(t: Translator, vote: VoteRecord): string {
  const s = vote.settings;
  const quorum = s.quorum.kind === 'none' ? 'none' : s.quorum.strict ? 'more-than-half' : 'at-least-half';
  const when = isClosed(vote)
    ? t.t('vote.closed', { when: formatDateTime(new Date(vote.closedAt), t.locale) })
    : s.deadline
      ? t.t('vote.deadline', { when: formatDateTime(new Date(s.deadline), t.locale) })
      : t.t('vote.no-deadline');
  return [
    t.t(`vote.secrecy.${s.secrecy}`),
    t.t(`vote.rule.${s.rule}`),
    t.t(`vote.quorum.${quorum}`),
    t.t(`vote.interim.${s.interimResults}`),
    when,
  ].join(' · ');
}

function yourChoice(
  t: Translator,
  vote: VoteRecord,
  box: BallotBox,
  keys: readonly string[],
  now: Date,
  label: (id: string) => string,
): string {
  const key = keys.find((k) => hasVoted(box, k));
  if (!key) return '';
  if (box.secrecy === 'secret') return t.t('vote.you-voted-secret');
  const ballot = currentBallot(box, key);
  if (!ballot) return '';
  return t.t(mayChange(vote, now) ? 'vote.your-choice.can-change' : 'vote.your-choice', {
    option: label(ballot.option),
  });
}

export function outcomeText(t: Translator, tally: Tally, label: (id: string) => string, interim: boolean): string {
  const o = tally.outcome;
  const text =
    o.kind === 'adopted'
      ? t.t(o.byCastingVote ? 'vote.outcome.adopted-casting' : 'vote.outcome.adopted')
      : o.kind === 'rejected'
        ? t.t(
            o.byCastingVote
              ? 'vote.outcome.rejected-casting'
              : o.tie
                ? 'vote.outcome.rejected-tie'
                : 'vote.outcome.rejected',
          )
        : o.kind === 'no-quorum'
          ? t.t('vote.outcome.no-quorum')
          : o.kind === 'chosen'
            ? t.t('vote.outcome.chosen', { option: label(o.option) })
            : t.t('vote.outcome.tie', { options: o.options.map(label).join(', ') });
  return interim ? t.t('vote.outcome.interim', { outcome: text }) : text;
}

function namedLines(
  org: Organisation,
  t: Translator,
  vote: VoteRecord,
  box: BallotBox & { secrecy: 'named' },
  label: (id: string) => string,
) {
  if (vote.state === 'draft') return [];
  return vote.electorate.voters.flatMap((v) => {
    const ballot = currentBallot(box, v.key);
    return ballot
      ? [
          {
            line: t.t('vote.named-line', {
              name: voterName(org, vote, v.key),
              represents: represents(org, vote, v.key),
              option: label(ballot.option),
            }),
          },
        ]
      : [];
  });
}

export function voterName(org: Organisation, vote: VoteRecord, key: string): string {
  return vote.settings.electorate === 'municipalities'
    ? municipalityName(org, key)
    : (memberById(org, key)?.name ?? key);
}

/**
 * Who is yet to vote for a seat: its holder, or, when the holder reported absence, the deputy
 * who holds the vote (the absent member cannot vote, so naming him asks the wrong person).
 */
function whoHoldsTheVote(org: Organisation, t: Translator, vote: VoteRecord, key: string): string {
  if (vote.settings.electorate === 'municipalities' || vote.state === 'draft') return voterName(org, vote, key);
  const casters = vote.electorate.voters.find((v) => v.key === key)?.casters ?? [key];
  if (casters.includes(key)) return voterName(org, vote, key);
  const deputies = casters.map((c) => memberById(org, c)?.name ?? c).join(t.t('vote.not-voted.or'));
  return t.t('vote.not-voted.deputy', { deputy: deputies, member: voterName(org, vote, key) });
}

function represents(org: Organisation, vote: VoteRecord, key: string): string {
  if (vote.settings.electorate === 'municipalities' || vote.state === 'draft') return municipalityName(org, key);
  const seat = seatsOf(org, vote.body, vote.electorate.takenOn).find((s) => s.member.id === key);
  return seat?.represents ?? '';
}
