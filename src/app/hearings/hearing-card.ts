import type { HearingResponse } from '../../domain/hearing-response';
import { hearingPositions, latestResponse } from '../../domain/hearing-response';
import { HEARING_TEXT_MAX, isHearingClosed, isPastInternalDeadline } from '../../domain/hearing';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { card } from '../reply';
import type { Reply } from '../reply';
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

/**
 * One municipality's response card: every question, a position, free text and links, filled
 * with the latest version so a draft can be finished and a response changed. After the
 * internal deadline it still saves, and says the response will be marked late.
 */
export function hearingCard(
  org: Organisation,
  t: Translator,
  h: HearingRecord,
  municipality: string,
  responses: readonly HearingResponse[],
  now: Date,
  notice = '',
): Reply {
  const latest = latestResponse(responses, h.id, municipality);
  const closed = isHearingClosed(h);
  const deadline = closed
    ? t.t('hearing.card.closed')
    : t.t(isPastInternalDeadline(h, now) ? 'hearing.card.deadline-passed' : 'hearing.card.deadline', { when: when(h.internalDeadline, t) });
  const status = latest
    ? t.t(`hearing.card.status.${latest.status}`, { when: when(latest.at, t), by: memberById(org, latest.givenBy)?.name ?? latest.givenBy })
    : t.t('hearing.card.status.none');
  const data = { hearingId: h.id, version: h.version, municipality, lang: t.locale };
  return card('hearing-response', {
    ...hearingFacts(h, t),
    heading: t.t('hearing.card.heading', { municipality: municipalityName(org, municipality), id: h.id }),
    deadline,
    status,
    notice,
    open: !closed,
    data,
    max: HEARING_TEXT_MAX,
    labels: Object.fromEntries(['position', 'text', 'documents', 'save', 'submit', 'background'].map((k) => [k, t.t(`hearing.card.${k}`, { max: HEARING_TEXT_MAX })])),
    position: latest?.position ?? '',
    text: latest?.text ?? '',
    links: latest?.documents.join('\n') ?? '',
    positions: hearingPositions.map((p) => ({ title: t.t(`hearing.position.${p}`), value: p })),
    questions: h.questions.map((q, n) => ({
      n,
      heading: t.t('hearing.question', { n: n + 1, text: q.text }),
      answer: latest?.answers.find((a) => a.questionId === q.id)?.text ?? '',
    })),
  });
}
