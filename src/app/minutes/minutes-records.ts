import type { Minutes } from '../../domain/minutes';
import type { MemberApproval } from '../../domain/minutes-signing';
import type { RecordStore, StoredRecord } from '../../ports/record-store';

/** One record per meeting (its id), holding the minutes with every earlier version inside. */
export const MINUTES = 'minutes';

export interface MinutesRecord {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly minutes: Minutes;
  /**
   * Raised by every save. A card carries the revision it was drawn from; a card from an
   * older one is refused, so two coordinators cannot overwrite each other unseen.
   */
  readonly revision: number;
  /** Members who approved this content on the card; cleared when the content changes. */
  readonly memberApprovals: readonly MemberApproval[];
  /** The invoke that made this revision: a retried submit is answered, not applied twice. */
  readonly lastActionId?: string;
}

export async function loadMinutes(
  store: RecordStore,
  meetingId: string,
): Promise<StoredRecord<MinutesRecord> | undefined> {
  return store.get<MinutesRecord>(MINUTES, meetingId);
}
