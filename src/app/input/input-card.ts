import { formatCaseNumber } from '../../domain/case-number';
import type { InputAnswer } from '../../domain/input';
import { latestAnswer, positions } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import { itemsForInput } from '../../domain/agenda';
import type { Meeting } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { memberById, municipalityName } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import { card } from '../reply';
import { documentLinks } from '../meetings/meeting-view';
import type { Reply } from '../reply';

/**
 * The input card for one municipality: every case with a position and free text, filled
 * with the municipality's latest answer, so a draft can be finished and a submitted answer
 * changed until the deadline.
 */
export function inputCard(
  org: Organisation,
  t: Translator,
  meeting: Meeting,
  request: InputRequest,
  municipality: string,
  answers: readonly InputAnswer[],
  now: Date,
  notice = '',
): Reply {
  const latest = latestAnswer(answers, meeting.id, municipality);
  const open = now.getTime() < Date.parse(request.deadline);
  const status = latest
    ? t.t(`input.status.${latest.status}`, {
        when: formatDateTime(new Date(latest.at), t.locale),
        by: memberById(org, latest.givenBy)?.name ?? latest.givenBy,
      })
    : t.t('input.status.none');
  return card('input-request', {
    heading: t.t('input.heading', { municipality: municipalityName(org, municipality) }),
    title: meeting.title,
    deadline: t.t(open ? 'input.deadline' : 'input.deadline-passed', { when: formatDateTime(new Date(request.deadline), t.locale) }),
    status,
    notice,
    open,
    meetingId: meeting.id,
    version: meeting.version,
    // Which case each numbered field answers: a card from an older agenda still saves what it can.
    itemIds: itemsForInput(meeting).map((item) => item.id).join(','),
    municipality,
    lang: t.locale,
    positionLabel: t.t('input.position'),
    textLabel: t.t('input.text'),
    saveLabel: t.t('input.save'),
    submitLabel: t.t('input.submit'),
    positions: positions.map((p) => ({ title: t.t(`input.position.${p}`), value: p })),
    items: itemsForInput(meeting).map((item, i) => {
      const mine = latest?.items.find((x) => x.itemId === item.id);
      return {
        n: i,
        itemId: item.id,
        heading: t.t('agenda.case', { caseNumber: formatCaseNumber(item.caseNumber) }) + ' ' + item.title,
        proposal: item.proposal.kind === 'text' ? t.t('agenda.proposal', { text: item.proposal.text }) : t.t('agenda.proposal-in-meeting'),
        // The papers the respondent decides on: the case's background and its documents.
        background: item.background?.trim() ?? '',
        documents: documentLinks(t, item),
        position: mine?.position ?? '',
        text: mine?.text ?? '',
      };
    }),
  });
}
