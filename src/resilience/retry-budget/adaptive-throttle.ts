import type { RandomSource } from '../random.ts';
import { BucketedWindow } from './bucketed-window.ts';

export interface AdaptiveThrottleOptions {
  /** How many requests per accept the client tolerates before shedding; 2 in the SRE book. */
  k?: number;
  /** The history the counts cover; two minutes in the SRE book. */
  windowMs?: number;
  /** Slices the window is kept in (see BucketedWindow). 12 by default (10 s slices for 2 minutes). */
  buckets?: number;
}

/**
 * Client-side adaptive throttling (Google SRE book, ch. 21): the client keeps,
 * over the window, the requests its application attempted and the ones the
 * backend accepted, and rejects a new request locally with probability
 *
 *   max(0, (requests − k · accepts) / (requests + 1))
 *
 * While the backend accepts everything, the probability is 0; when it rejects
 * most requests, the client stops sending most of them, so the backend spends
 * its capacity on work instead of on refusing it. It gates every request, not
 * only retries, so it is not a RetryBudget: call `shouldReject` before sending
 * (it counts the request) and `record` with the backend's answer.
 */
export class AdaptiveThrottle {
  private readonly requests: BucketedWindow;
  private readonly accepts: BucketedWindow;
  readonly k: number;

  constructor({ k = 2, windowMs = 120_000, buckets = 12 }: AdaptiveThrottleOptions = {}) {
    if (!(k > 0 && k < Infinity)) throw new RangeError(`k must be > 0 and finite, got ${k}`);
    this.k = k;
    this.requests = new BucketedWindow(windowMs, buckets);
    this.accepts = new BucketedWindow(windowMs, buckets);
  }

  /** The probability a request arriving at `now` would be rejected locally. */
  rejectionProbability(now: number): number {
    const requests = this.requests.total(now);
    return Math.max(0, (requests - this.k * this.accepts.total(now)) / (requests + 1));
  }

  /** Counts a request the application attempts at `now`; true means reject it without sending. */
  shouldReject(now: number, random: RandomSource): boolean {
    const p = this.rejectionProbability(now);
    this.requests.add(now);
    return p > 0 && random() < p;
  }

  /** The backend's answer to a request that was sent: `accepted` false when it refused it (overload, throttling). */
  record(now: number, accepted: boolean): void {
    if (accepted) this.accepts.add(now);
  }

  snapshot(): Record<string, number> {
    return { requests: this.requests.peek(), accepts: this.accepts.peek() };
  }
}

export function adaptiveThrottle(options?: AdaptiveThrottleOptions): AdaptiveThrottle {
  return new AdaptiveThrottle(options);
}
