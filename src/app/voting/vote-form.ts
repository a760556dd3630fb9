import type { Organisation } from '../../domain/organisation';
import { boardOf } from '../../domain/organisation';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { DecisionRule, InterimResults, Quorum, Secrecy, VoteSettings } from '../../domain/vote';
import { atLeastHalf, moreThanHalf } from '../../domain/vote';
import type { ElectorateKind } from '../../domain/electorate';
import type { Translator } from '../../i18n/catalogue';

import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import { card } from '../reply';
import type { Reply } from '../reply';
import { readFormInstant } from '../../domain/oslo-when';

const electorates: readonly ElectorateKind[] = ['members', 'municipalities'];
const rules: readonly DecisionRule[] = ['simple-majority', 'two-thirds', 'unanimity'];
const quorums = {
  'at-least-half': atLeastHalf,
  'more-than-half': moreThanHalf,
  none: { kind: 'none' } as Quorum,
} as const;
const secrecies: readonly Secrecy[] = ['named', 'secret'];
const interims: readonly InterimResults[] = ['hidden', 'shown', 'after-own-ballot'];

/** The fields the form sends, as the card names them; a refused form comes back with them as typed. */
type FormField =
  | 'title'
  | 'case'
  | 'caseNumber'
  | 'alternatives'
  | 'body'
  | 'electorate'
  | 'rule'
  | 'quorum'
  | 'secrecy'
  | 'interimResults'
  | 'changeAllowed'
  | 'deadlineDate'
  | 'deadlineTime';

/**
 * The form behind `avstemning`: every setting the body's rules may call for. With open cases to
 * choose from, the case is one field (the choice), and an empty title takes the chosen case's.
 */
export function voteForm(
  org: Organisation,
  t: Translator,
  prefill: { title?: string; notice?: Notice | string; typed?: Readonly<Record<string, unknown>> } = {},
  cases: readonly { title: string; value: string }[] = [],
): Reply {
  const choices = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ title: t.t(`${prefix}.${v}`), value: v }));
  const typed = (key: FormField) => (typeof prefill.typed?.[key] === 'string' ? prefill.typed[key] : undefined);
  const values = {
    electorate: typed('electorate') ?? 'members',
    rule: typed('rule') ?? 'simple-majority',
    quorum: typed('quorum') ?? 'at-least-half',
    secrecy: typed('secrecy') ?? 'named',
    interimResults: typed('interimResults') ?? 'hidden',
    changeAllowed: typed('changeAllowed') ?? 'true',
    alternatives: typed('alternatives') ?? '',
    deadlineDate: typed('deadlineDate') ?? '',
    deadlineTime: typed('deadlineTime') ?? '',
    case: typed('case') ?? '',
  };
  return card('vote-settings', {
    heading: t.t('vote.form.heading'),
    lang: t.locale,
    ...noticeFields(prefill.notice),
    title: typed('title') ?? prefill.title ?? '',
    caseNumber: typed('caseNumber') ?? '',
    body: typed('body') ?? boardOf(org)?.id ?? org.bodies[0]?.id ?? '',
    values,
    // With cases to choose from the title may stay empty (the case's is used), so the card does not demand it.
    titleRequired: cases.length === 0,
    labels: {
      title: t.t(cases.length > 0 ? 'vote.form.title-or-case' : 'vote.form.title'),
      titleRequired: t.t('vote.form.title-required'),
      caseNumber: t.t('vote.form.case-number'),
      body: t.t('vote.form.body'),
      electorate: t.t('vote.form.electorate'),
      rule: t.t('vote.form.rule'),
      quorum: t.t('vote.form.quorum'),
      secrecy: t.t('vote.form.secrecy'),
      interimResults: t.t('vote.form.interim'),
      changeAllowed: t.t('vote.form.change-allowed'),
      deadlineDate: t.t('vote.form.deadline-date'),
      deadlineTime: t.t('vote.form.deadline-time'),
      case: t.t('vote.form.case'),
      alternatives: t.t('vote.form.alternatives'),
      open: t.t('vote.form.open'),
    },
    bodies: org.bodies.map((b) => ({ title: b.name, value: b.id })),
    cases,
    electorates: choices(electorates, 'vote.electorate'),
    rules: choices(rules, 'vote.rule'),
    quorums: choices(Object.keys(quorums) as (keyof typeof quorums)[], 'vote.quorum'),
    secrecies: choices(secrecies, 'vote.secrecy'),
    interims: choices(interims, 'vote.interim'),
  });
}

export interface VoteFormInput {
  readonly title: string;
  readonly bodyId: string;
  readonly caseNumber?: string;
  readonly settings: Partial<VoteSettings>;
}

/** Reads the submitted form strictly: the card checks too, but the server decides. */
export function readVoteForm(data: Record<string, unknown>): Result<VoteFormInput> {
  const text = (key: string) => (typeof data[key] === 'string' ? data[key].trim() : '');
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T | undefined => {
    const value = text(key) || fallback;
    return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const electorate = pick('electorate', electorates, 'members');
  const rule = pick('rule', rules, 'simple-majority');
  const quorumKey = pick('quorum', Object.keys(quorums) as (keyof typeof quorums)[], 'at-least-half');
  const secrecy = pick('secrecy', secrecies, 'named');
  const interimResults = pick('interimResults', interims, 'hidden');
  if (!electorate || !rule || !quorumKey || !secrecy || !interimResults) return fail('VOTE.BAD_SETTINGS');
  const title = text('title');
  if (!title) return fail('VOTE.TITLE_MISSING');
  const [date, time] = [text('deadlineDate'), text('deadlineTime')];
  if (Boolean(date) !== Boolean(time)) return fail('VOTE.DEADLINE_INCOMPLETE');
  const deadline = date ? readFormInstant(date, time) : undefined;
  if (date && !deadline) return fail('VOTE.BAD_DEADLINE');
  const caseNumber = text('caseNumber');
  // Alternatives, one per line; none means the usual for / against / abstain on a proposal.
  const alternatives = text('alternatives')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (alternatives.length === 1) return fail('VOTE.TOO_FEW_OPTIONS');
  if (alternatives.some((a) => a.length > 200)) return fail('VOTE.OPTION_TOO_LONG', { max: 200 });
  const options =
    alternatives.length > 0
      ? [...alternatives.map((label, i) => ({ id: `a${i + 1}`, label })), { id: 'abstain' }]
      : undefined;
  return ok({
    title,
    bodyId: text('body'),
    ...(caseNumber && { caseNumber }),
    settings: {
      electorate,
      rule,
      quorum: quorums[quorumKey],
      secrecy,
      interimResults,
      // A secret ballot cannot be changed; the form's default is for named votes.
      changeAllowed: secrecy === 'secret' ? false : text('changeAllowed') !== 'false',
      ...(deadline && { deadline: deadline.toISOString() }),
      ...(options && { options }),
    },
  });
}
