import type { BallotBox } from '../../domain/ballot';
import type { FollowUpTask } from '../../domain/follow-up';
import type { Meeting } from '../../domain/meeting';
import type { RecordStore } from '../../ports/record-store';
import type { ResultListName, ResultRow } from '../../ports/result-lists';
import { FOLLOW_UPS } from '../follow-up/follow-up-records';
import type { HearingRecord, ResponseHistory } from '../hearings/hearing-records';
import { HEARINGS, HEARING_RESPONSES } from '../hearings/hearing-records';
import type { AnswerHistory } from '../input/input-records';
import { INPUT_ANSWERS } from '../input/input-records';
import { MEETINGS } from '../meetings/meeting-records';
import type { MinutesRecord } from '../minutes/minutes-records';
import { MINUTES } from '../minutes/minutes-records';
import type { VoteRecord } from '../voting/vote-records';
import { BALLOT_BOXES, VOTES } from '../voting/vote-records';
import { hearingResponseRows, hearingRow } from './hearing-rows';
import { inputRows } from './input-rows';
import { agendaItemRows, meetingRow } from './meeting-rows';
import { decisionRows, followUpRow, minutesRows } from './minutes-rows';
import type { RowContext } from './row-context';
import { voteRow } from './vote-rows';

/** A record the projection is asked to bring in step: `{ collection: 'meetings', id: 'M1' }`. */
export interface RecordRef {
  readonly collection: string;
  readonly id: string;
}

export interface Projection {
  /** The rows the record makes in each list it feeds; a record gone makes none. */
  readonly rows: Partial<Record<ResultListName, readonly ResultRow[]>>;
  /** Other records whose rows show something of this one (a task's decision, a ballot box's vote). */
  readonly also: readonly RecordRef[];
}

interface Projector {
  /** The lists it writes: a record removed leaves these without its rows. */
  readonly lists: readonly ResultListName[];
  project(store: RecordStore, id: string, c: RowContext): Promise<Projection>;
}

const value = async <T>(store: RecordStore, list: string, id: string): Promise<T | undefined> =>
  (await store.get<T>(list, id))?.value;

/** What each projected collection becomes. Collections not named here are the product's machinery. */
export const PROJECTORS: Readonly<Record<string, Projector>> = {
  [MEETINGS]: {
    lists: ['meetings', 'cases'],
    async project(store, id, c) {
      const meeting = await value<Meeting>(store, MEETINGS, id);
      const minutes = await store.get(MINUTES, id);
      return {
        rows: meeting ? { meetings: [meetingRow(meeting, c)], cases: agendaItemRows(meeting, c) } : {},
        // The decisions show the meeting's titles and date.
        also: minutes ? [{ collection: MINUTES, id }] : [],
      };
    },
  },
  [MINUTES]: {
    lists: ['minutes', 'decisions'],
    async project(store, id, c) {
      const record = await value<MinutesRecord>(store, MINUTES, id);
      if (!record) return { rows: {}, also: [] };
      const meeting = await value<Meeting>(store, MEETINGS, record.meetingId);
      const tasks = (await store.find<FollowUpTask>(FOLLOW_UPS, { meetingId: record.meetingId })).map((r) => r.value);
      return {
        rows: { minutes: minutesRows(record, meeting, c), decisions: decisionRows(record, meeting, tasks, c) },
        also: [],
      };
    },
  },
  [FOLLOW_UPS]: {
    lists: ['followUps'],
    async project(store, id, c) {
      const task = await value<FollowUpTask>(store, FOLLOW_UPS, id);
      if (!task) return { rows: {}, also: [] };
      const meeting = await value<Meeting>(store, MEETINGS, task.meetingId);
      return {
        rows: { followUps: [followUpRow(task, meeting, c)] },
        also: [{ collection: MINUTES, id: task.meetingId }],
      };
    },
  },
  [VOTES]: {
    lists: ['votes'],
    async project(store, id, c) {
      const vote = await value<VoteRecord>(store, VOTES, id);
      if (!vote) return { rows: {}, also: [] };
      const box = await value<BallotBox>(store, BALLOT_BOXES, id);
      return { rows: { votes: [voteRow(vote, box, c)] }, also: [] };
    },
  },
  [BALLOT_BOXES]: {
    lists: [],
    // A ballot changes the vote's count of who has voted, nothing else the list shows.
    project: async (_store, id) => ({ rows: {}, also: [{ collection: VOTES, id }] }),
  },
  [INPUT_ANSWERS]: {
    lists: ['input'],
    async project(store, id, c) {
      const history = await value<AnswerHistory>(store, INPUT_ANSWERS, id);
      if (!history) return { rows: {}, also: [] };
      const meeting = await value<Meeting>(store, MEETINGS, history.meetingId);
      return { rows: { input: inputRows(history, meeting, c) }, also: [] };
    },
  },
  [HEARINGS]: {
    lists: ['hearings'],
    async project(store, id) {
      const hearing = await value<HearingRecord>(store, HEARINGS, id);
      return { rows: hearing ? { hearings: [hearingRow(hearing)] } : {}, also: [] };
    },
  },
  [HEARING_RESPONSES]: {
    lists: ['hearingResponses'],
    async project(store, id, c) {
      const history = await value<ResponseHistory>(store, HEARING_RESPONSES, id);
      if (!history) return { rows: {}, also: [] };
      const hearing = await value<HearingRecord>(store, HEARINGS, history.hearingId);
      return { rows: { hearingResponses: hearingResponseRows(history, hearing, c) }, also: [] };
    },
  },
};

export const isProjected = (collection: string): boolean => Object.hasOwn(PROJECTORS, collection);
