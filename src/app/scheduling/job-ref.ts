import type { Job } from './job';
import type { JobScheduler } from './scheduler';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A short, stable name for a job that a coordinator can type (`prøv igjen K7P3QX`): the job
 * id's FNV-1a hash in the alphabet of the other short ids (no 0/O, 1/I). Job ids are long keys
 * like `hearing-card:K7P3Q:3301:marit`; this is the same for the same id on every process.
 */
export function jobRef(id: string): string {
  let hash = 0x811c9dc5;
  for (const ch of id) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let ref = '';
  for (let i = 0; i < 6; i++, hash >>>= 5) ref += alphabet.charAt(hash & 31);
  return ref;
}

/**
 * The job a coordinator means: by its full id, or by its short ref among the failed jobs and,
 * for a second `prøv igjen`, among those a coordinator already put back. Several jobs with one
 * ref (rare: 30 bits) are returned all, so the caller can ask for the full id.
 */
export async function findJobByRef(scheduler: JobScheduler, typed: string): Promise<Job[]> {
  const byId = await scheduler.get(typed);
  if (byId) return [byId];
  const ref = typed.toUpperCase();
  const failed = (await scheduler.list({ state: 'failed' })).filter((j) => jobRef(j.id) === ref);
  if (failed.length > 0) return failed;
  const back = [...(await scheduler.list({ state: 'pending' })), ...(await scheduler.list({ state: 'claimed' }))];
  return back.filter((j) => j.retriedAt !== undefined && jobRef(j.id) === ref);
}
