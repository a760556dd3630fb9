import type { JobHandler } from '../scheduling/execute-job';
import type { InputJobDeps } from '../input/input-jobs';
import {
  INPUT_REMIND,
  INPUT_SEND,
  INPUT_SUMMARY,
  postInputSummary,
  remindAboutInput,
  sendInputCards,
} from '../input/input-jobs';
import type { AnnounceDeps } from './announce-meeting';
import { ANNOUNCE_MEETING, announceMeeting } from './announce-meeting';

/** The scheduler's handlers for meetings and their input, by job kind, for the composition root. */
export function meetingJobHandlers(deps: AnnounceDeps & InputJobDeps): Record<string, JobHandler<never>> {
  return {
    [ANNOUNCE_MEETING]: announceMeeting(deps) as JobHandler<never>,
    [INPUT_SEND]: sendInputCards(deps) as JobHandler<never>,
    [INPUT_REMIND]: remindAboutInput(deps) as JobHandler<never>,
    [INPUT_SUMMARY]: postInputSummary(deps) as JobHandler<never>,
  };
}
