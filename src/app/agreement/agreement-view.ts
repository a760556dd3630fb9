import type { AgreementChange, AgreementStatus } from '../../domain/agreement-change';
import type { Organisation } from '../../domain/organisation';
import { municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDate } from '../../i18n/dates';
import type { SignedLinks } from '../exports/signed-links';
import type { Reply } from '../reply';
import { card } from '../reply';

export const dateText = (iso: string, t: Translator): string => formatDate(new Date(`${iso}T12:00:00Z`), t.locale);

const names = (org: Organisation, ms: readonly string[]) => ms.map((m) => municipalityName(org, m)).join(', ');

/** "5 av 21 kommuner har vedtatt endringen; 1 har sagt nei: Gol; 15 har ikke svart." */
export function progressLine(org: Organisation, t: Translator, s: AgreementStatus): string {
  const total = s.approved.length + s.rejected.length + s.pending.length;
  return [
    t.t('agreement.progress.approved', { approved: s.approved.length, total }),
    s.rejected.length > 0
      ? t.t('agreement.progress.rejected', { count: s.rejected.length, names: names(org, s.rejected) })
      : '',
    s.pending.length > 0
      ? t.t('agreement.progress.pending', { count: s.pending.length, names: names(org, s.pending) })
      : '',
    s.left.length > 0 ? t.t('agreement.progress.left', { names: names(org, s.left) }) : '',
  ]
    .filter((x) => x !== '')
    .join(' ');
}

export function decisionWord(change: AgreementChange, m: string, s: AgreementStatus, t: Translator): string {
  const d = change.decisions[m];
  if (d) return t.t(d.approved ? 'agreement.decision.yes' : 'agreement.decision.no');
  return t.t(s.left.includes(m) ? 'agreement.decision.left' : 'agreement.decision.pending');
}

/** The card each municipality's respondent gets: the proposed text and the council's decision to record. */
export function decisionCard(
  org: Organisation,
  t: Translator,
  change: AgreementChange,
  s: AgreementStatus,
  municipality: string,
  notice = '',
  typed?: { approved: string; caseNumber: string; date: string; link: string },
): Reply {
  const stored = change.decisions[municipality];
  // A refused form comes back as it was typed, so nothing is lost.
  const d =
    typed ??
    (stored && {
      approved: stored.approved ? 'yes' : 'no',
      caseNumber: stored.caseNumber,
      date: stored.date,
      link: stored.link ?? '',
    });
  return card('agreement-decision', {
    heading: t.t('agreement.heading', { id: change.id, municipality: municipalityName(org, municipality) }),
    title: change.title,
    notice,
    intro: t.t('agreement.intro', { answerBy: dateText(change.answerBy, t) }),
    proposedText: change.proposedText,
    status: `${t.t(`agreement.state.${s.state}`)}. ${progressLine(org, t, s)}`,
    open: s.state === 'pending',
    approved: d?.approved ?? '',
    caseNumber: d?.caseNumber ?? '',
    date: d?.date ?? '',
    link: d?.link ?? '',
    labels: {
      approved: t.t('agreement.label.approved'),
      approvedMissing: t.t('agreement.label.approved-missing'),
      yes: t.t('agreement.label.yes'),
      no: t.t('agreement.label.no'),
      caseNumber: t.t('agreement.label.case-number'),
      caseNumberMissing: t.t('agreement.label.case-number-missing'),
      date: t.t('agreement.label.date'),
      dateMissing: t.t('agreement.label.date-missing'),
      link: t.t('agreement.label.link'),
      save: t.t('agreement.label.save'),
    },
    data: { changeId: change.id, municipality },
  });
}

/** The tracker for the board and the mayors' meeting: every municipality's decision, and the result. */
export function trackerCard(
  org: Organisation,
  t: Translator,
  change: AgreementChange,
  s: AgreementStatus,
  links: SignedLinks,
  now: Date,
): Reply {
  return card('agreement-tracker', {
    heading: t.t('agreement.tracker-heading', { id: change.id, answerBy: dateText(change.answerBy, t) }),
    title: change.title,
    state: t.t(`agreement.state.${s.state}`),
    stateColour: s.state === 'adopted' ? 'Good' : s.state === 'rejected' ? 'Attention' : 'Default',
    progress: progressLine(org, t, s),
    headers: {
      municipality: t.t('agreement.column.municipality'),
      decision: t.t('agreement.column.decision'),
      caseNumber: t.t('agreement.column.case-number'),
      date: t.t('agreement.column.date'),
    },
    rows: change.municipalities.map((m) => ({
      name: municipalityName(org, m),
      decision: decisionWord(change, m, s, t),
      caseNumber: change.decisions[m]?.caseNumber ?? '',
      date: change.decisions[m] ? dateText(change.decisions[m].date, t) : '',
    })),
    docxLabel: t.t('agreement.docx'),
    docx: `${links.link(`/exports/${change.id}/avtaleendring.docx`, now)}&lang=${t.locale}`,
  });
}
