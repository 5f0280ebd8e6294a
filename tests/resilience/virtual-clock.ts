import type { Clock } from '../../src/resilience/clock.ts';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets every pending promise callback run (a macrotask turn drains the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A Clock whose time moves only when a test says so. `advance` wakes the
 * sleepers in time order (ties in the order they slept), letting promise
 * callbacks run after each wake-up, so code that sleeps again during an
 * advance is woken within the same advance when its time comes.
 */
export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];
  /** Every sleep requested, in order: what a test asserts delays against. */
  readonly sleeps: number[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve: () => {} };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal!.reason);
      };
      sleeper.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
    });
  }

  /** Moves time forward by `ms`, waking every sleeper due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.at > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.time = next.at;
      next.resolve();
      await settle();
    }
    this.time = target;
    await settle();
  }

  /** Advances until no sleeper is left (or `limit` wake-ups, against runaway loops). */
  async runAll(limit = 100_000): Promise<void> {
    await settle();
    for (let i = 0; i < limit; i++) {
      const next = this.earliest();
      if (next === undefined) return;
      await this.advance(next.at - this.time);
    }
    throw new Error(`runAll: still sleeping after ${limit} wake-ups`);
  }

  private earliest(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (best === undefined || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  }
}
