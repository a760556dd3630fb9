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
import type { NoticeDeps } from './send-meeting-notice';
import { SEND_MEETING_NOTICE, sendMeetingNotice } from './send-meeting-notice';

/** The scheduler's handlers for meetings and their input, by job kind, for the composition root. */
export function meetingJobHandlers(deps: NoticeDeps & InputJobDeps): Record<string, JobHandler<never>> {
  return {
    [SEND_MEETING_NOTICE]: sendMeetingNotice(deps) as JobHandler<never>,
    [INPUT_SEND]: sendInputCards(deps) as JobHandler<never>,
    [INPUT_REMIND]: remindAboutInput(deps) as JobHandler<never>,
    [INPUT_SUMMARY]: postInputSummary(deps) as JobHandler<never>,
  };
}
