import { agreementActions } from './agreement/agreement-actions';
import type { CardAction } from './card-action';
import { followUpActions } from './follow-up/follow-up-actions';
import { hearingActions } from './hearings/hearing-actions';
import type { HearingDeps } from './hearings/hearing-jobs';
import { inputActions } from './input/input-actions';
import { meetingActions } from './meetings/meeting-actions';
import { timeSuggestionActions } from './meetings/time-suggestion-actions';
import { minutesActions } from './minutes/minutes-actions';
import type { SignedLinks } from './exports/signed-links';
import type { JobScheduler } from './scheduling/scheduler';
import type { VotingDeps } from './voting/vote-actions';
import { votingActions } from './voting/vote-actions';

export interface CardActionDeps {
  readonly voting: VotingDeps;
  readonly scheduler: JobScheduler;
  readonly links: SignedLinks;
  readonly hearings: HearingDeps;
}

/**
 * Every card button Samråd answers, one row per verb (`{ verb, audience, run }`), like the
 * command table. tests/unit/card-actions.test.ts ties it to the verbs in `cards/*.json`.
 */
export function cardActionTable({ voting, scheduler, links, hearings }: CardActionDeps): CardAction[] {
  const { store, clock } = voting;
  return [
    ...votingActions(voting),
    ...meetingActions({ store, clock, scheduler }),
    ...inputActions({ store, clock }),
    ...timeSuggestionActions(),
    ...minutesActions({ store, clock, links, scheduler }),
    ...followUpActions({ store, clock, links, scheduler }),
    ...hearingActions({ ...hearings, links }),
    ...agreementActions({ store, clock, scheduler }),
  ];
}
