import type { Meeting } from '../../domain/meeting';
import { isPlanned } from '../../domain/meeting';
import type { Organisation } from '../../domain/organisation';
import { boardOf } from '../../domain/organisation';
import type { Project } from '../../domain/project';
import type { Translator } from '../../i18n/catalogue';
import type { RecordStore } from '../../ports/record-store';
import type { SignedLinks } from '../exports/signed-links';
import { agendaItemForm } from '../meetings/agenda-item-form';
import { bodyMeetings } from '../meetings/meeting-records';
import type { Reply } from '../reply';
import { progressText } from './project-view';
import { osloDate } from '../../domain/oslo-time';

/** The document on the agenda must outlive the meeting: it is read before and looked up after. */
const DAYS_AFTER_MEETING = 90;

/** The board's next planned meeting, if one is planned. */
export async function nextBoardMeeting(store: RecordStore, org: Organisation, now: Date): Promise<Meeting | undefined> {
  const board = boardOf(org);
  if (!board) return undefined;
  return (await bodyMeetings(store, board.id))
    .map((r) => r.value)
    .filter((m) => isPlanned(m) && m.start > now.toISOString())
    .sort((a, b) => a.start.localeCompare(b.start))[0];
}

/**
 * The report as a case for the board's next meeting: the case form filled in (title, the
 * progress as background, "takes note" as the proposal, the report as its document), for the
 * coordinator to read, change and add; nothing is put on the agenda until she does.
 */
export function reportCaseForm(
  t: Translator,
  org: Organisation,
  meeting: Meeting,
  project: Project,
  reportId: string,
  links: SignedLinks,
  now: Date,
): Reply {
  const until = new Date(Date.parse(meeting.end) + DAYS_AFTER_MEETING * 86_400_000);
  const url = `${links.linkUntil(`/exports/${reportId}/prosjektrapport.docx`, until)}&lang=${t.locale}`;
  return agendaItemForm(t, org, meeting, t.t('project.case.notice'), '', undefined, {
    title: t.t('project.document.title', { name: project.name }),
    background: `${progressText(t, project, osloDate(now))}.`,
    proposal: t.t('project.case.proposal', { name: project.name }),
    documents: `${t.t('project.document.title', { name: project.name })} | ${url}`,
  });
}
