import type { CallQueue } from './call-queue';
import { RECORDS_LIST } from './records-list';
import { SharePointListItems } from './sharepoint-list-items';
import type { SplitLimits } from './split-records';
import { SplitRecords } from './split-records';

/**
 * SharePoint's multi-line text column holds 63,999 characters (the `Value` column); a record
 * may take 32 such parts (about 2 million characters, far past the largest realistic minutes,
 * answer history or ballot box) before it is refused as STORE.TOO_LARGE.
 */
export const SHAREPOINT_RECORD_LIMITS: SplitLimits = { maxChars: 63_999, maxParts: 32 };

/**
 * The store on the `SamradRecords` list: one item per record (SharePointListItems), and a
 * record too large for one item kept as several (SplitRecords).
 */
export class SharePointStore extends SplitRecords {
  constructor(calls: CallQueue, siteId: string, listName: string = RECORDS_LIST) {
    super(new SharePointListItems(calls, siteId, listName), SHAREPOINT_RECORD_LIMITS);
  }
}
