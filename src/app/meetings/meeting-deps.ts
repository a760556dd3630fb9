import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { JobScheduler } from '../scheduling/scheduler';

/** What the meeting and agenda card actions are given. */
export interface MeetingDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly scheduler: JobScheduler;
}
