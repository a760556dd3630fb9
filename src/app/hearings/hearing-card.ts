import type { HearingResponse } from '../../domain/hearing-response';
import { countingResponse, hearingPositions, latestResponse } from '../../domain/hearing-response';
import { HEARING_TEXT_MAX, isHearingClosed, isPastInternalDeadline } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import type { HearingRecord } from './hearing-records';

const when = (iso: string, t: Translator) => formatDateTime(new Date(iso), t.locale);

/** The hearing as the municipalities read it: who asks, by when, the secretariat's note, the documents. */
export function hearingFacts(h: HearingRecord, t: Translator) {
  return {
    title: h.title,
    issuer: t.t('hearing.issuer', { issuer: h.issuer }),
    background: h.background,
    documents: h.documents.map((url, i) => ({ title: t.t('hearing.document', { n: i + 1 }), url })),
  };
}

/** What the respondent typed on a card that was refused: it comes back as typed, nothing lost. */
export interface TypedResponse {
  readonly position: string;
  readonly text: string;
  readonly links: string;
  /** By question index, as the card names its fields (`answer-<n>`). */
  readonly answers: readonly string[];
}

/** The fields a refusal can point at; its message is shown beside that field. */
export type ResponseField = 'position' | 'text' | 'links';

/**
 * Where the municipality stands, in one line. A draft saved after a submitted answer is a draft
 * of a change: the submitted answer still counts (as `høring` and `høringer` count it), and the
 * card says both.
 */
function statusLine(
  org: Organisation,
  t: Translator,
  responses: readonly HearingResponse[],
  h: HearingRecord,
  municipality: string,
): string {
  const latest = latestResponse(responses, h.id, municipality);
  if (!latest) return t.t('hearing.card.status.none');
  const by = (r: HearingResponse) => memberById(org, r.givenBy)?.name ?? r.givenBy;
  const counting = countingResponse(responses, h.id, municipality);
  if (latest.status === 'draft' && counting)
    return t.t('hearing.card.status.revision', {
      when: when(counting.at, t),
      by: by(counting),
      draftWhen: when(latest.at, t),
    });
  return t.t(`hearing.card.status.${latest.status}`, { when: when(latest.at, t), by: by(latest) });
}

/**
 * One municipality's response card: every question, a position, free text and links, filled
 * with the latest version so a draft can be finished and a response changed; or, when a press
 * was refused, with what was typed and the reason beside the field it concerns. After the
 * internal deadline it still saves, and says the response will be marked late.
 */
export function hearingCard(
  org: Organisation,
  t: Translator,
  h: HearingRecord,
  municipality: string,
  responses: readonly HearingResponse[],
  now: Date,
  notice: Notice | string = '',
  refused?: { readonly typed: TypedResponse; readonly field?: ResponseField },
): Reply {
  const latest = latestResponse(responses, h.id, municipality);
  const closed = isHearingClosed(h);
  const deadline = closed
    ? t.t('hearing.card.closed')
    : t.t(isPastInternalDeadline(h, now) ? 'hearing.card.deadline-passed' : 'hearing.card.deadline', {
        when: when(h.internalDeadline, t),
      });
  const data = { hearingId: h.id, version: h.version, municipality, lang: t.locale };
  const shown = noticeFields(notice);
  // A refusal tied to one field is said there, not above the form.
  const errors = { position: '', text: '', links: '', ...(refused?.field && { [refused.field]: shown.notice }) };
  const typed = refused?.typed;
  return card('hearing-response', {
    ...hearingFacts(h, t),
    heading: t.t('hearing.card.heading', { municipality: municipalityName(org, municipality), id: h.id }),
    deadline,
    status: statusLine(org, t, responses, h, municipality),
    ...(refused?.field ? { notice: '', noticeColor: shown.noticeColor } : shown),
    errors,
    open: !closed,
    data,
    max: HEARING_TEXT_MAX,
    labels: Object.fromEntries(
      ['position', 'text', 'documents', 'save', 'submit', 'background'].map((k) => [
        k,
        t.t(`hearing.card.${k}`, { max: HEARING_TEXT_MAX }),
      ]),
    ),
    position: typed ? typed.position : (latest?.position ?? ''),
    text: typed ? typed.text : (latest?.text ?? ''),
    links: typed ? typed.links : (latest?.documents.join('\n') ?? ''),
    positions: hearingPositions.map((p) => ({ title: t.t(`hearing.position.${p}`), value: p })),
    questions: h.questions.map((q, n) => ({
      n,
      heading: t.t('hearing.question', { n: n + 1, text: q.text }),
      answer: typed ? (typed.answers[n] ?? '') : (latest?.answers.find((a) => a.questionId === q.id)?.text ?? ''),
    })),
  });
}
