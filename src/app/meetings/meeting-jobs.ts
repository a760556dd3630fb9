import type { JobDefinition } from '../scheduling/job-registry';
import { defineJob } from '../scheduling/job-registry';
import type { InputJobDeps } from '../input/input-jobs';
import {
  INPUT_REMIND,
  INPUT_SEND,
  INPUT_SUMMARY,
  inputJobPayload,
  postInputSummary,
  remindAboutInput,
  sendInputCards,
} from '../input/input-jobs';
import type { NoticeDeps } from './send-meeting-notice';
import { SEND_MEETING_NOTICE, noticePayload, sendMeetingNotice } from './send-meeting-notice';

/** The scheduler's jobs for meetings and their input, for the composition root. */
export function meetingJobs(deps: NoticeDeps & InputJobDeps): JobDefinition[] {
  return [
    defineJob(SEND_MEETING_NOTICE, noticePayload, sendMeetingNotice(deps)),
    defineJob(INPUT_SEND, inputJobPayload, sendInputCards(deps)),
    defineJob(INPUT_REMIND, inputJobPayload, remindAboutInput(deps)),
    defineJob(INPUT_SUMMARY, inputJobPayload, postInputSummary(deps)),
  ];
}
