import type { RecordStore } from '../ports/record-store';
import { upsert } from '../ports/record-store';

/** A member's Teams user id (29:...), learnt when they first write: cards list it for auto-refresh. */
interface TeamsUserRecord {
  readonly memberId: string;
  readonly userId: string;
}

/**
 * What this process last found stored, per store: every chat turn and card press asks, and on
 * SharePoint each check is a Graph request (issue 13: at most one store read per chat turn).
 * A member's Teams user id hardly ever changes; after `CONFIRMED_FOR_MS` it is checked again, so
 * a change written by another instance is seen within that time.
 */
const confirmed = new WeakMap<RecordStore, Map<string, { userId: string; at: number }>>();
const CONFIRMED_FOR_MS = 10 * 60_000;
const CONFIRMED_MAX = 10_000;

export async function rememberTeamsUser(store: RecordStore, memberId: string, userId: string): Promise<void> {
  const known = confirmed.get(store) ?? new Map<string, { userId: string; at: number }>();
  confirmed.set(store, known);
  const seen = known.get(memberId);
  const now = performance.now();
  if (seen?.userId === userId && now - seen.at < CONFIRMED_FOR_MS) return;
  await upsert<TeamsUserRecord>(store, 'teamsUsers', memberId, (current) =>
    current?.userId === userId ? undefined : { memberId, userId },
  );
  // The oldest entry goes first (a Map keeps insertion order), so memory stays bounded.
  known.delete(memberId);
  if (known.size >= CONFIRMED_MAX) known.delete(known.keys().next().value!);
  known.set(memberId, { userId, at: now });
}

export async function teamsUserIds(store: RecordStore, memberIds: readonly string[]): Promise<string[]> {
  const wanted = new Set(memberIds);
  return (await store.find<TeamsUserRecord>('teamsUsers')).filter((r) => wanted.has(r.id)).map((r) => r.value.userId);
}
