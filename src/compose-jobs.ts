// The job runner's handlers, one per job kind, wired from what the composition root built.
import { defineJob, jobRegistry, type JobRegistry } from './app/scheduling/job-registry';
import { CLOSE_AT_DEADLINE, closeAtDeadline, closeAtDeadlinePayload } from './app/voting/close-at-deadline';
import { OUTBOX, outboxHandler, outboxPayload } from './app/scheduling/outbox';
import type { SentMessage } from './app/scheduling/outbox';
import { INPUT_CARD, inputCardNow, postedInputCardNow } from './app/input/live-input-cards';
import { RETENTION, retentionHandler, retentionPayload } from './app/scheduling/retention';
import { AGREEMENT_REMIND, agreementReminder, agreementReminderPayload } from './app/agreement/agreement-jobs';
import { BOARD_CHECK, boardCheck, boardCheckPayload } from './app/board/board-check';
import { FEES_REMIND, feeReminder, feeReminderPayload } from './app/cooperation/fee-reminder';
import { INQUIRY_REMIND, inquiryReminder, inquiryReminderPayload } from './app/networks/inquiry-reminder';
import { MILESTONE_REMIND, milestoneReminder, milestoneReminderPayload } from './app/projects/milestone-reminders';
import { MEETING_NOTICE, meetingNoticeNow, postedNoticeNow } from './app/meetings/send-meeting-notice';
import { meetingJobs } from './app/meetings/meeting-jobs';
import type { SignedLinks } from './app/exports/signed-links';
import { docxRenderer } from './adapters/docx/docx-renderer';
import { ARCHIVE_DOCUMENT, archivePayload, saveToLibrary } from './app/archive/archive-job';
import { voteCardNow, type VotingDeps } from './app/voting/vote-actions';
import { SHARED_CARD_UPDATE, sharedCardPayload, sharedCardUpdater } from './app/delivery/shared-cards';
import { FOLLOW_UP_REMIND, followUpReminder, followUpReminderPayload } from './app/follow-up/follow-up-reminders';
import type { HearingDeps } from './app/hearings/hearing-jobs';
import { HEARING_DISTRIBUTE, HEARING_REMIND } from './app/hearings/hearing-jobs';
import { distributeHearing, distributePayload } from './app/hearings/distribute-hearing';
import { remindNonResponders, reminderPayload } from './app/hearings/remind-non-responders';
import type { OrganisationRegistry } from './app/organisation-registry';
import type { Config } from './config';
import type { OrphanSweeper } from './ports/orphan-sweeper';
import type { DocumentLibrary } from './ports/document-library';
import type { Messenger } from './ports/messenger';
import type { MessageSender } from './app/scheduling/outbox';
import type { Catalogue } from './i18n/catalogue';
import type { Logger } from './log';
import type { Clock } from './ports/clock';
import type { RecordStore } from './ports/record-store';
import { PROJECT } from './app/projection/request-projection';
import { projectionHandler, projectionPayload } from './app/projection/project-job';
import type { JobScheduler } from './app/scheduling/scheduler';

export interface JobWiring {
  readonly config: Config;
  readonly store: RecordStore;
  /** The store under the projection: the projection job reads without asking for itself again. */
  readonly sealed: RecordStore;
  readonly clock: Clock;
  readonly voting: VotingDeps;
  /** Either Teams SDK's messenger (compose-teams.ts). */
  readonly messenger: Messenger & MessageSender;
  readonly registry: OrganisationRegistry;
  readonly catalogue: Catalogue;
  readonly afterSent: (sent: SentMessage) => Promise<void>;
  readonly notices: Parameters<typeof meetingNoticeNow>[0] & Parameters<typeof inputCardNow>[0];
  readonly scheduler: JobScheduler;
  readonly links: SignedLinks;
  readonly calendar: Parameters<typeof meetingJobs>[0]['calendar'];
  readonly hearings: HearingDeps;
  readonly documents: DocumentLibrary;
  readonly resultLists: Parameters<typeof projectionHandler>[0]['lists'] | undefined;
  readonly log: Logger;
  /** Leftover parts of large records (SharePoint), swept by retention. */
  readonly orphans?: OrphanSweeper;
}

export function jobHandlers(w: JobWiring): JobRegistry {
  const { config, store, sealed, clock, voting, messenger, registry, catalogue, afterSent, notices } = w;
  const { scheduler, links, calendar, hearings, documents, resultLists, log } = w;
  return jobRegistry(
    defineJob(
      CLOSE_AT_DEADLINE,
      closeAtDeadlinePayload,
      closeAtDeadline({
        ...voting,
        messenger,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      OUTBOX,
      outboxPayload,
      outboxHandler(messenger, afterSent, {
        [MEETING_NOTICE]: (meetingId) => meetingNoticeNow(notices, meetingId),
        [INPUT_CARD]: (key) => inputCardNow(notices, key),
      }),
    ),
    defineJob(
      SHARED_CARD_UPDATE,
      sharedCardPayload,
      sharedCardUpdater(messenger, {
        vote: voteCardNow(
          voting,
          () => registry.organisation,
          (locale) => catalogue.for(locale),
          config.defaultLocale,
        ),
        [MEETING_NOTICE]: postedNoticeNow(notices),
        [INPUT_CARD]: postedInputCardNow(notices),
      }),
    ),
    ...meetingJobs({
      store,
      clock,
      scheduler,
      links,
      calendar,
      messenger,
      organisation: () => registry.organisation,
      t: catalogue.for(config.defaultLocale),
      // With Graph, meetings are organised from the secretariat's mailbox.
      ...(config.graph?.organiser && {
        organiser: { name: registry.organisation.cooperation.name, email: config.graph.organiser },
      }),
    }),
    defineJob(
      FOLLOW_UP_REMIND,
      followUpReminderPayload,
      followUpReminder({
        store,
        scheduler,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(HEARING_DISTRIBUTE, distributePayload, distributeHearing(hearings)),
    defineJob(HEARING_REMIND, reminderPayload, remindNonResponders(hearings)),
    defineJob(
      ARCHIVE_DOCUMENT,
      archivePayload,
      saveToLibrary({
        store,
        clock,
        library: documents,
        docx: docxRenderer,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    resultLists &&
      defineJob(
        PROJECT,
        projectionPayload,
        projectionHandler({
          store: sealed,
          lists: resultLists,
          clock,
          context: () => ({ organisation: registry.organisation, t: catalogue.for(config.defaultLocale) }),
        }),
      ),
    defineJob(
      AGREEMENT_REMIND,
      agreementReminderPayload,
      agreementReminder({
        store,
        scheduler,
        clock,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      BOARD_CHECK,
      boardCheckPayload,
      boardCheck({
        store,
        scheduler,
        clock,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      FEES_REMIND,
      feeReminderPayload,
      feeReminder({
        store,
        scheduler,
        clock,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      MILESTONE_REMIND,
      milestoneReminderPayload,
      milestoneReminder({
        store,
        scheduler,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      INQUIRY_REMIND,
      inquiryReminderPayload,
      inquiryReminder({
        store,
        scheduler,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
    ),
    defineJob(
      RETENTION,
      retentionPayload,
      retentionHandler({
        store,
        scheduler,
        clock,
        ...(config.retentionDays !== undefined && { days: config.retentionDays }),
        logger: log,
        ...(w.orphans && { orphans: w.orphans }),
      }),
    ),
  );
}
