// A clock and scheduler the test drives. Timers follow monotonic time, as real timers do:
// a wall-clock jump fires nothing, and neither does sleep (monotonic time stops while the
// machine is suspended), which is exactly why the session rechecks its wall deadline.
import type { Clock } from '../../../../src-main/core/clock';
import type { Scheduler } from '../../../../src-main/core/scheduler';

export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

/** Lets every pending promise continuation run (the fakes never use real timers). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class ManualTime implements Clock {
  wall = T0;
  mono = 1_000;

  now(): number {
    return this.wall;
  }

  readonly monotonic = (): number => this.mono;

  /** The wall clock is changed (NTP, the user); monotonic time goes on unaffected. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }

  /** The machine sleeps: wall time passes, monotonic time and timers stand still. */
  sleep(ms: number): void {
    this.wall += ms;
  }
}

interface Timer {
  at: number;
  seq: number;
  task: () => void;
}

export class ManualScheduler implements Scheduler {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(readonly time: ManualTime) {}

  after(ms: number, task: () => void): () => void {
    const timer = { at: this.time.mono + Math.max(0, ms), seq: this.seq++, task };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets `ms` of real time pass (wall and monotonic), firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time.mono + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time.wall += next.at - this.time.mono;
      this.time.mono = next.at;
      next.task();
      await flush();
    }
    this.time.wall += end - this.time.mono;
    this.time.mono = end;
    await flush();
  }

  /** The process died: its timers never fire. */
  dropAll(): void {
    this.timers = [];
  }
}
