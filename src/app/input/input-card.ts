import { formatCaseNumber } from '../../domain/case-number';
import type { InputAnswer } from '../../domain/input';
import { countingAnswer, latestAnswer, positions } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import { itemsForInput } from '../../domain/agenda';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import { card } from '../reply';
import { documentLinks } from '../meetings/meeting-view';
import type { Reply } from '../reply';

/** What was typed for one case on a card that was refused: it comes back as typed. */
export interface TypedItem {
  readonly position: string;
  readonly text: string;
}

/** A refused press: what was typed, by case, and the case and field the refusal is about. */
export interface RefusedInput {
  readonly typed: ReadonlyMap<string, TypedItem>;
  readonly itemId?: string;
  readonly field?: 'position' | 'text';
}

/**
 * The input card for one municipality: every case with a position and free text, filled
 * with the municipality's latest answer, so a draft can be finished and a submitted answer
 * changed until the deadline; after a refusal, filled with what was typed, and the reason
 * beside the case it concerns.
 */
export function inputCard(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  request: InputRequest,
  municipality: string,
  answers: readonly InputAnswer[],
  now: Date,
  notice: Notice | string = '',
  refused?: RefusedInput,
): Reply {
  const latest = latestAnswer(answers, meeting.id, municipality);
  const counting = countingAnswer(answers, meeting.id, municipality);
  const open = now.getTime() < Date.parse(request.deadline);
  const at = (iso: string) => formatDateTime(new Date(iso), t.locale);
  const by = (a: InputAnswer) => memberById(org, a.givenBy)?.name ?? a.givenBy;
  // A draft saved after a submitted answer is a draft of a change: the submitted one still counts.
  const status = !latest
    ? t.t('input.status.none')
    : latest.status === 'draft' && counting
      ? t.t('input.status.revision', { when: at(counting.at), by: by(counting), draftWhen: at(latest.at) })
      : t.t(`input.status.${latest.status}`, { when: at(latest.at), by: by(latest) });
  const shown = noticeFields(notice);
  const beside = refused?.itemId !== undefined && refused.field !== undefined;
  return card('input-request', {
    heading: t.t('input.heading', { municipality: municipalityName(org, municipality) }),
    title: meeting.title,
    deadline: t.t(open ? 'input.deadline' : 'input.deadline-passed', {
      when: formatDateTime(new Date(request.deadline), t.locale),
    }),
    status,
    ...(beside ? { notice: '', noticeColor: shown.noticeColor } : shown),
    open,
    meetingId: meeting.id,
    version: meeting.version,
    // Which case each numbered field answers: a card from an older agenda still saves what it can.
    itemIds: itemsForInput(meeting)
      .map((item) => item.id)
      .join(','),
    municipality,
    lang: t.locale,
    positionLabel: t.t('input.position'),
    textLabel: t.t('input.text'),
    saveLabel: t.t('input.save'),
    submitLabel: t.t('input.submit'),
    positions: positions.map((p) => ({ title: t.t(`input.position.${p}`), value: p })),
    items: itemsForInput(meeting).map((item, i) => {
      const typed = refused?.typed.get(item.id);
      const mine = refused ? typed : latest?.items.find((x) => x.itemId === item.id);
      const error = (field: 'position' | 'text') =>
        beside && refused.itemId === item.id && refused.field === field ? shown.notice : '';
      return {
        n: i,
        itemId: item.id,
        heading: t.t('agenda.case', { caseNumber: formatCaseNumber(item.caseNumber) }) + ' ' + item.title,
        proposal:
          item.proposal.kind === 'text'
            ? t.t('agenda.proposal', { text: item.proposal.text })
            : t.t('agenda.proposal-in-meeting'),
        // The papers the respondent decides on: the case's background and its documents.
        background: item.background?.trim() ?? '',
        documents: documentLinks(t, item),
        position: mine?.position ?? '',
        text: mine?.text ?? '',
        positionError: error('position'),
        textError: error('text'),
      };
    }),
  });
}
