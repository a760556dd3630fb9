/**
 * Waiting comes in through a port, like time through the Clock: the scheduler's poll loop
 * runs on it, so tests can drive the loop with fake time instead of sleeping.
 */
export interface Timer {
  /** Calls `run` once after `ms`; the returned function cancels it if it has not run yet. */
  after(ms: number, run: () => void): () => void;
}

export const systemTimer: Timer = {
  // Read setTimeout at call time, so vitest's fake timers take over when installed.
  after: (ms, run) => {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};
