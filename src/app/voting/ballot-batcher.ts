import type { BallotBox } from '../../domain/ballot';
import { castBallot } from '../../domain/ballot';
import type { CastRequest } from '../../domain/cast-request';
import type { Result } from '../../domain/result';
import { fail } from '../../domain/result';
import type { Clock } from '../../ports/clock';
import type { RecordStore, StoredRecord } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';
import type { KeyedLock } from './keyed-lock';
import type { CastOutcome } from './cast-outcome';
import type { VoteRecord } from './vote-records';
import { BALLOT_BOXES, loadVote, VOTES } from './vote-records';
import type { AgendaItemRef } from './agenda-link';
import { itemWithdrawn } from './agenda-link';

/** Open votes whose box one process keeps: a meeting votes on a few cases at a time. */
const KNOWN_BOXES = 50;

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
  /** Per vote, the box as this process last wrote it (the oldest dropped first). */
  private readonly boxes = new Map<string, { box: StoredRecord<BallotBox>; agendaItem: AgendaItemRef | undefined }>();

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
      const loaded = await this.load(voteId);
      if (!loaded) return requests.map(() => fail('VOTE.UNKNOWN', { vote: voteId }));
      const { vote, box: read, withdrawn, fromCache } = loaded;
      const now = this.deps.clock.now();
      let box: BallotBox = read.value;
      let changed = false;
      const results: Result<CastOutcome>[] = [];
      for (const request of requests) {
        const cast = castBallot(vote.value, box, withdrawn ? { ...request, itemWithdrawn: true } : request, now);
        if (!cast.ok) {
          results.push(cast);
          continue;
        }
        box = cast.value.box;
        changed ||= cast.value.recorded;
        results.push({ ok: true, value: { ...cast.value, vote: vote.value } });
      }
      if (!changed) {
        // Nothing to write, decided on the box as this process last wrote it: decide again on the box as stored.
        if (fromCache) {
          this.boxes.delete(voteId);
          continue;
        }
        return results;
      }
      try {
        const written = await this.deps.store.replace<BallotBox>(BALLOT_BOXES, voteId, box, read.etag);
        this.remember(voteId, written, vote.value.agendaItem);
        // Each voter's card shows the box as written (the whole batch), so nobody reads it again.
        return results.map((r) => (r.ok ? { ok: true, value: { ...r.value, box: written.value } } : r));
      } catch (e) {
        // Another process wrote first (a ballot, or the seal of a close): decide the whole batch again on the new box.
        this.boxes.delete(voteId);
        if (!isStoreError(e, 'STORE.PRECONDITION_FAILED') || attempt >= 20) throw e;
      }
    }
  }

  /**
   * The vote as stored now (its state decides whether a ballot is taken) and its box: the box
   * as this process last wrote it when it has, since the write is guarded by that eTag and any
   * other write since (another process's ballot, a close's seal) makes it fail and read again.
   * So a cast reads once (the vote, beside whether its case was withdrawn) and writes once.
   */
  private async load(voteId: string) {
    const known = this.boxes.get(voteId);
    if (known) {
      const [vote, withdrawn] = await Promise.all([
        this.deps.store.get<VoteRecord>(VOTES, voteId),
        itemWithdrawn(this.deps.store, known.agendaItem),
      ]);
      if (vote && vote.value.agendaItem?.itemId === known.agendaItem?.itemId)
        return { vote, box: known.box, withdrawn, fromCache: true };
      this.boxes.delete(voteId);
    }
    const loaded = await loadVote(this.deps.store, voteId);
    if (!loaded) return undefined;
    // A case withdrawn after the vote opened stops it: read once per batch, not per ballot.
    const withdrawn = await itemWithdrawn(this.deps.store, loaded.vote.value.agendaItem);
    return { ...loaded, withdrawn, fromCache: false };
  }

  private remember(voteId: string, box: StoredRecord<BallotBox>, agendaItem: AgendaItemRef | undefined): void {
    this.boxes.delete(voteId);
    if (this.boxes.size >= KNOWN_BOXES) this.boxes.delete(this.boxes.keys().next().value!);
    this.boxes.set(voteId, { box, agendaItem });
  }
}
