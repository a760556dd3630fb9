import { createHash } from 'node:crypto';
import type { FollowUpTask } from '../../domain/follow-up';
import type { RecordStore } from '../../ports/record-store';

/** One record per task, keyed by its id. */
export const FOLLOW_UPS = 'followUps';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A short task id from the invoke that created it: a retried submit names the same task, so
 * it is created once. Prefixed so it is never taken for a meeting or vote id.
 */
export function followUpId(actionId: string): string {
  const digest = createHash('sha256').update(actionId).digest();
  return `F${Array.from(digest.subarray(0, 5), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export async function allTasks(
  store: RecordStore,
  where: { owner?: string; bodyId?: string } = {},
): Promise<FollowUpTask[]> {
  return (await store.find<FollowUpTask>(FOLLOW_UPS, where)).map((r) => r.value);
}
