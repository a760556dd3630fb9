import type { InputAnswer } from '../../domain/input';
import type { InputRequest } from '../../domain/input-request';
import type { RecordStore } from '../../ports/record-store';

/** One request per meeting; one record per meeting and municipality holding every version. */
export const INPUT_REQUESTS = 'inputRequests';
export const INPUT_ANSWERS = 'inputAnswers';

export interface AnswerHistory {
  readonly meetingId: string;
  readonly municipality: string;
  readonly answers: readonly InputAnswer[];
}

export const answersId = (meetingId: string, municipality: string): string => `${meetingId}:${municipality}`;

export async function loadRequest(store: RecordStore, meetingId: string): Promise<InputRequest | undefined> {
  return (await store.get<InputRequest>(INPUT_REQUESTS, meetingId))?.value;
}

/** Every version of every municipality's answer for one meeting. */
export async function meetingAnswers(store: RecordStore, meetingId: string): Promise<InputAnswer[]> {
  return (await store.find<AnswerHistory>(INPUT_ANSWERS, { meetingId })).flatMap((r) => r.value.answers);
}
