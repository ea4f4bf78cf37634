// Timers and monotonic time come in through these interfaces so that tests drive the
// session's tick, retries and bounded waits with a manual clock (SS-3, FT-3).

export interface Scheduler {
  /** Runs `task` once after `ms`; answers a function that cancels it. */
  after(ms: number, task: () => void): () => void;
}

/** Milliseconds from an arbitrary origin that never goes backward (e.g. performance.now). */
export type MonotonicClock = () => number;

export const systemScheduler: Scheduler = {
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};

export const systemMonotonicClock: MonotonicClock = () => performance.now();
