import type { RandomSource } from './random.ts';

/**
 * Time, injected. Cores never read a clock: they are handed `now`. Executors
 * take a `Clock` so the same code runs on the real clock (production,
 * examples) and on a virtual one (tests).
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences are meaningful. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. Rejects with the signal's reason as
   * soon as `signal` aborts, and releases its timer, so an abandoned wait
   * never keeps a process alive.
   */
  sleep(ms: number, signal?: AbortSignal, options?: SleepOptions): Promise<void>;
}

export interface SleepOptions {
  /**
   * false: this wait alone does not keep a Node process alive (the timer is
   * unref'd), for housekeeping timers such as a circuit breaker's automatic
   * half-open, which no caller waits for. Default true.
   * Virtual clocks may ignore it.
   */
  keepAlive?: boolean;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const realClock: Clock = {
  now: () => performance.now(),
  sleep(ms, signal, options) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ms <= 0 && !signal) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      // Browsers return a number from setTimeout; only Node's Timeout object can be unref'd.
      if (options?.keepAlive === false && typeof timer === 'object') timer.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/**
 * Chance for production use. Like the real clock, the one place in this
 * layer that reads a global source: tests and simulations pass a seeded one.
 */
export const realRandom: RandomSource = Math.random;
