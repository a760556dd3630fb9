import type { Command } from './command';
import { boardCommand } from './board.command';
import { bodiesCommand } from './bodies.command';
import { helpCommandOver } from './help.command';
import { membersCommand } from './members.command';
import { municipalitiesCommand } from './municipalities.command';
import { reloadOrganisationCommand } from './reload-organisation.command';
import { syncCommand } from './sync.command';
import { whoamiCommand } from './whoami.command';
import { closeVoteCommand } from './close-vote.command';
import { voteCommand } from './vote.command';
import { votesCommand } from './votes.command';
import { remindVoteCommand } from './remind-vote.command';
import { agendaCommand } from './agenda.command';
import { meetingsCommand } from './meetings.command';
import { newCaseCommand } from './new-case.command';
import { newMeetingCommand } from './new-meeting.command';
import { suggestTimeCommand } from './suggest-time.command';
import { reportAbsenceCommand } from './report-absence.command';
import { withdrawCaseCommand } from './withdraw-case.command';
import { giveInputCommand } from './give-input.command';
import { requestInputCommand } from './request-input.command';
import { inputSummaryCommand } from './input-summary.command';
import { linkChannelCommand } from './link-channel.command';
import { editCaseCommand } from './edit-case.command';
import { moveCaseCommand } from './move-case.command';
import { moveMeetingCommand } from './move-meeting.command';
import { cancelMeetingCommand } from './cancel-meeting.command';
import { minutesCommand } from './minutes.command';
import { approveMinutesCommand } from './approve-minutes.command';
import { followUpCommand } from './follow-up.command';
import { newHearingCommand } from './new-hearing.command';
import { hearingsCommand } from './hearings.command';
import { hearingCommand } from './hearing.command';
import { answerHearingCommand } from './answer-hearing.command';
import { compileHearingCommand } from './compile-hearing.command';
import { extendHearingCommand } from './extend-hearing.command';
import { closeHearingCommand } from './close-hearing.command';
import { deliveryFailuresCommand } from './delivery-failures.command';
import { failedJobsCommand } from './failed-jobs.command';
import { retryJobCommand } from './retry-job.command';
import { feesCommand } from './fees.command';
import { reportWithdrawalCommand } from './report-withdrawal.command';
import { agreementChangeCommand } from './agreement-change.command';
import { boardRulesCommand } from './board-rules.command';
import { decisionsCommand } from './decisions.command';
import { annualPlanCommand } from './annual-plan.command';
import { actionPlanCommand } from './action-plan.command';
import { focusAreaCommand } from './focus-area.command';
import { measureCommand } from './measure.command';
import { presentActionPlanCommand } from './present-action-plan.command';
import { networksCommand } from './networks.command';
import { networkMeetingCommand } from './network-meeting.command';
import { inquiryCommand } from './inquiry.command';
import { answerInquiryCommand } from './answer-inquiry.command';
import { projectsCommand } from './projects.command';
import { newProjectCommand } from './new-project.command';
import { milestoneCommand } from './milestone.command';
import { fundingCommand } from './funding.command';
import { projectReportCommand } from './project-report.command';

/** Every chat command, in the order the Teams menu lists them. Words live in the catalogues. */
export function commandTable(): readonly Command[] {
  // Help lists the table it is part of.
  const table: readonly Command[] = [
    helpCommandOver(() => table),
    municipalitiesCommand,
    boardCommand,
    bodiesCommand,
    membersCommand,
    whoamiCommand,
    meetingsCommand,
    agendaCommand,
    newMeetingCommand,
    suggestTimeCommand,
    newCaseCommand,
    editCaseCommand,
    moveCaseCommand,
    withdrawCaseCommand,
    moveMeetingCommand,
    cancelMeetingCommand,
    linkChannelCommand,
    reportAbsenceCommand,
    requestInputCommand,
    giveInputCommand,
    inputSummaryCommand,
    minutesCommand,
    approveMinutesCommand,
    followUpCommand,
    newHearingCommand,
    hearingsCommand,
    hearingCommand,
    answerHearingCommand,
    compileHearingCommand,
    extendHearingCommand,
    closeHearingCommand,
    voteCommand,
    votesCommand,
    closeVoteCommand,
    remindVoteCommand,
    reloadOrganisationCommand,
    syncCommand,
    deliveryFailuresCommand,
    failedJobsCommand,
    retryJobCommand,
    feesCommand,
    reportWithdrawalCommand,
    agreementChangeCommand,
    boardRulesCommand,
    decisionsCommand,
    annualPlanCommand,
    actionPlanCommand,
    focusAreaCommand,
    measureCommand,
    presentActionPlanCommand,
    networksCommand,
    networkMeetingCommand,
    inquiryCommand,
    answerInquiryCommand,
    projectsCommand,
    newProjectCommand,
    milestoneCommand,
    fundingCommand,
    projectReportCommand,
  ];
  return table;
}
