import type { Command } from './command';
import { boardCommand } from './board.command';
import { bodiesCommand } from './bodies.command';
import { helpCommand } from './help.command';
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
import { reportAbsenceCommand } from './report-absence.command';
import { withdrawCaseCommand } from './withdraw-case.command';
import { giveInputCommand } from './give-input.command';
import { requestInputCommand } from './request-input.command';
import { inputSummaryCommand } from './input-summary.command';
import { deliveryFailuresCommand } from './delivery-failures.command';

/** Every chat command, in the order help shows them. Words live in the catalogues. */
export function commandTable(): readonly Command[] {
  return [
    helpCommand,
    municipalitiesCommand,
    boardCommand,
    bodiesCommand,
    membersCommand,
    whoamiCommand,
    meetingsCommand,
    agendaCommand,
    newMeetingCommand,
    newCaseCommand,
    withdrawCaseCommand,
    reportAbsenceCommand,
    requestInputCommand,
    giveInputCommand,
    inputSummaryCommand,
    voteCommand,
    votesCommand,
    closeVoteCommand,
    remindVoteCommand,
    reloadOrganisationCommand,
    syncCommand,
    deliveryFailuresCommand,
  ];
}
