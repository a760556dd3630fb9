import type { RecordStore } from '../ports/record-store';
import { upsert } from '../ports/record-store';

/** A member's Teams user id (29:...), learnt when they first write: cards list it for auto-refresh. */
interface TeamsUserRecord {
  readonly memberId: string;
  readonly userId: string;
}

export async function rememberTeamsUser(store: RecordStore, memberId: string, userId: string): Promise<void> {
  await upsert<TeamsUserRecord>(store, 'teamsUsers', memberId, (current) =>
    current?.userId === userId ? undefined : { memberId, userId },
  );
}

export async function teamsUserIds(store: RecordStore, memberIds: readonly string[]): Promise<string[]> {
  const wanted = new Set(memberIds);
  return (await store.find<TeamsUserRecord>('teamsUsers')).filter((r) => wanted.has(r.id)).map((r) => r.value.userId);
}
