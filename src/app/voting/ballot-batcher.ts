import type { BallotBox } from '../../domain/ballot';
import { castBallot } from '../../domain/ballot';
import type { CastRequest } from '../../domain/cast-request';
import type { Result } from '../../domain/result';
import { fail } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { KeyedLock } from './keyed-lock';
import type { CastOutcome } from './cast-outcome';
import { BALLOT_BOXES, loadVote } from './vote-records';
import { itemWithdrawn } from './agenda-link';

interface Waiting {
  readonly request: CastRequest;
  readonly resolve: (result: Result<CastOutcome>) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for ballots. While one write of a vote's box is in flight, the ballots that
 * arrive queue; the next write applies all of them in one read-modify-write. With a slow
 * store (SharePoint) 200 simultaneous voters then cost a few round trips, not 400, and every
 * invoke answers within Teams' time limit. Each ballot is still decided by the domain, in
 * arrival order, and the eTag still guards against other processes.
 */
export class BallotBatcher {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly deps: { store: RecordStore; clock: Clock; lock: KeyedLock }) {}

  cast(request: CastRequest): Promise<Result<CastOutcome>> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(request.voteId);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      this.queues.set(request.voteId, [{ request, resolve, reject }]);
      // The lock keeps a close (or another batch) from interleaving with this write.
      void this.deps.lock.run(request.voteId, () => this.flush(request.voteId));
    });
  }

  private async flush(voteId: string): Promise<void> {
    const batch = this.queues.get(voteId) ?? [];
    this.queues.delete(voteId);
    try {
      const results = await this.write(
        voteId,
        batch.map((w) => w.request),
      );
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  private async write(voteId: string, requests: readonly CastRequest[]): Promise<Result<CastOutcome>[]> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await loadVote(this.deps.store, voteId);
      if (!loaded) return requests.map(() => fail('VOTE.UNKNOWN', { vote: voteId }));
      const now = this.deps.clock.now();
      // A case withdrawn after the vote opened stops it: read once per batch, not per ballot.
      const withdrawn = await itemWithdrawn(this.deps.store, loaded.vote.value.agendaItem);
      let box: BallotBox = loaded.box.value;
      let changed = false;
      const results = requests.map((request): Result<CastOutcome> => {
        const cast = castBallot(loaded.vote.value, box, withdrawn ? { ...request, itemWithdrawn: true } : request, now);
        if (!cast.ok) return cast;
        box = cast.value.box;
        changed ||= cast.value.recorded;
        return { ok: true, value: { ...cast.value, vote: loaded.vote.value } };
      });
      if (!changed) return results;
      try {
        await this.deps.store.replace<BallotBox>(BALLOT_BOXES, voteId, box, loaded.box.etag);
        // Each voter's card shows the box as written (the whole batch), so nobody reads it again.
        const written = box;
        return results.map((r) => (r.ok ? { ok: true, value: { ...r.value, box: written } } : r));
      } catch (e) {
        // Another process wrote first: decide the whole batch again on the new box.
        if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') || attempt >= 20) throw e;
      }
    }
  }
}
