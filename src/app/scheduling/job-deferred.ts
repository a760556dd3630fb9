/**
 * Thrown by a handler (or what it calls) that cannot go on yet and knows when it can: a message
 * held back by its conversation's rate window. The runner puts the job back for that time
 * without counting the attempt, instead of the handler waiting in one of the runner's slots.
 */
export class JobDeferred extends Error {
  constructor(
    readonly afterMs: number,
    message = `deferred for ${Math.ceil(afterMs / 1000)} s`,
  ) {
    super(message);
    this.name = 'JobDeferred';
  }
}

export const isJobDeferred = (e: unknown): e is JobDeferred => e instanceof JobDeferred;
