import type { Meeting } from '../../domain/meeting';
import type { Notice } from '../notice';
import { noticeFields } from '../notice';
import type { Organisation } from '../../domain/organisation';
import { memberById } from '../../domain/organisation';
import { decisionsOf } from '../../domain/minutes-approval';
import { approvalsNeeded, attendeesOf } from '../../domain/minutes-signing';
import { formatCaseNumber } from '../../domain/case-number';
import type { Translator } from '../../i18n/catalogue';
import type { Block, TextRun } from '../../ports/documents';
import { minutesDocument } from '../exports/minutes-document';
import { card } from '../reply';
import type { Reply } from '../reply';
import type { MinutesRecord } from './minutes-records';

/** Who is looking: the buttons follow from it. */
export interface MinutesViewer {
  readonly memberId: string;
  readonly coordinator: boolean;
}

const runsText = (runs: readonly TextRun[]): string =>
  runs
    .map((r) => (r.bold ? `**${r.text.trim()}** ` : r.text))
    .join('')
    .trim();

/** The export document's blocks as card lines, so the card and the DOCX say the same thing in the same order. */
export interface CardLine {
  readonly text: string;
  readonly bold: boolean;
  readonly subtle: boolean;
}

export function blockLines(blocks: readonly Block[]): CardLine[] {
  return blocks.flatMap((b): CardLine[] => {
    switch (b.kind) {
      case 'heading':
        return [{ text: b.text, bold: true, subtle: false }];
      case 'paragraph':
        return [{ text: runsText(b.runs), bold: false, subtle: false }];
      case 'quote':
        return [{ text: b.text, bold: false, subtle: true }];
      case 'fields':
        return b.rows.map((r) => ({ text: `**${r.label}:** ${r.value}`, bold: false, subtle: false }));
      case 'list':
        return b.items.map((runs) => ({ text: `- ${runsText(runs)}`, bold: false, subtle: false }));
      case 'table':
        return b.rows.map((row) => ({ text: `- ${row.join(' · ')}`, bold: false, subtle: false }));
    }
  });
}

/**
 * Protokollen as a card: the minutes document's structure, the version, links to DOCX and
 * Markdown, and what this person may do: approve it (one who took part, while a draft), edit
 * it or give a decision follow-up tasks (the coordinator).
 */
export function minutesCard(
  org: Organisation,
  t: Translator,
  src: { meeting: Meeting; record: MinutesRecord; meetings: readonly Meeting[] },
  viewer: MinutesViewer,
  links: { docx: string; markdown: string; library?: string | undefined },
  notice: Notice | string = '',
  /** The follow-up form as typed, when creating a task was refused. */
  typed?: Readonly<Record<string, unknown>>,
): Reply {
  const as = (key: string): string => (typeof typed?.[key] === 'string' ? typed[key] : '');
  const { meeting, record } = src;
  const { minutes } = record;
  const doc = minutesDocument({ org, meeting, minutes, meetings: src.meetings }, t);
  const draft = minutes.status === 'draft';
  const approvedBy = record.memberApprovals.map((a) => memberById(org, a.memberId)?.name ?? a.memberId);
  const decisions = decisionsOf(meeting, minutes).flatMap((d) => {
    const item = meeting.agenda.find((i) => i.id === d.itemId);
    return item
      ? [
          {
            title: t.t('minutes.card.decision-choice', { caseNumber: formatCaseNumber(item.caseNumber) }),
            value: d.itemId,
          },
        ]
      : [];
  });
  return card('minutes', {
    shortenedNotice: t.t('safety.card-shortened.minutes'),
    heading: doc.subtitle ?? '',
    title: t.t('minutes.card.title', { version: minutes.version }),
    ...noticeFields(notice),
    followUp: { itemId: as('itemId'), owner: as('owner'), due: as('due'), description: as('description') },
    lines: blockLines(doc.blocks),
    approvals:
      draft && approvedBy.length > 0
        ? t.t('minutes.card.approvals', {
            names: approvedBy.join(', '),
            count: approvedBy.length,
            needed: approvalsNeeded(minutes),
          })
        : '',
    docxLabel: t.t('minutes.card.docx'),
    markdownLabel: t.t('minutes.card.markdown'),
    docx: links.docx,
    markdown: links.markdown,
    libraryLabel: t.t('documents.open-in-library'),
    library: links.library ?? '',
    mayApprove:
      draft &&
      attendeesOf(minutes).includes(viewer.memberId) &&
      !record.memberApprovals.some((a) => a.memberId === viewer.memberId),
    approveLabel: t.t('minutes.card.approve'),
    mayEdit: viewer.coordinator,
    editLabel: t.t(draft ? 'minutes.card.edit' : 'minutes.card.new-version'),
    mayRequest: viewer.coordinator && draft,
    requestLabel: t.t('minutes.card.request-approval'),
    mayFollowUp: viewer.coordinator && decisions.length > 0,
    followUpLabel: t.t('minutes.card.follow-up'),
    decisionLabel: t.t('minutes.card.follow-up-decision'),
    decisions,
    ownerLabel: t.t('minutes.card.follow-up-owner'),
    owners: org.members.map((m) => ({ title: m.name, value: m.id })),
    dueLabel: t.t('minutes.card.follow-up-due'),
    descriptionLabel: t.t('minutes.card.follow-up-description'),
    createLabel: t.t('minutes.card.follow-up-create'),
    meetingId: meeting.id,
    revision: record.revision,
    lang: t.locale,
  });
}
