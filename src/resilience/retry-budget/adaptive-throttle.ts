import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { BucketedWindow } from './bucketed-window.ts';
import { retryBudgetDefaults, retryBudgetLimits } from './retry-budget-options.ts';

export interface AdaptiveThrottleOptions {
  /** How many requests per accept the client tolerates before shedding; 2 in the SRE book. */
  k?: number;
  /** The history the counts cover; two minutes in the SRE book. */
  windowMs?: number;
  /** Slices the window is kept in (see BucketedWindow). 12 by default (10 s slices for 2 minutes). */
  buckets?: number;
  /**
   * No request is rejected while the window holds fewer requests than this:
   * the cold-start guard (see the class comment). `retryBudgetDefaults.adaptive.minRequests` by default;
   * 0 is the SRE book's formula alone.
   */
  minRequests?: number;
  /**
   * Added to `requests` in the denominator: 1 in the SRE book (the default),
   * 8 in gRPC's RLS throttler.
   */
  padding?: number;
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
 *
 * Cold start. On few requests the formula is mostly noise: a client whose
 * first attempt failed has requests = 1, accepts = 0 and rejects its next
 * request with probability 1/2; each local rejection raises `requests`
 * without `accepts`, so a client can lock itself out for a whole window
 * although the backend accepts 70%. So no request is rejected while the
 * window holds fewer than `minRequests` requests (20 by default), the way
 * Envoy's admission control rejects nothing below its `rps_threshold`
 * ("If the average RPS of the sampling window is below this threshold, the
 * request will not be rejected":
 * https://github.com/envoyproxy/envoy/blob/main/api/envoy/extensions/filters/http/admission_control/v3/admission_control.proto).
 * Above it the formula is the SRE book's. gRPC's RLS throttler damps small
 * counts instead by padding the denominator, (requests − 1.2 · accepts) /
 * (requests + 8) (https://github.com/grpc/grpc-java/blob/master/rls/src/main/java/io/grpc/rls/AdaptiveThrottler.java);
 * `padding` offers that too, but it also lowers the probability at every load.
 */
const defaults = retryBudgetDefaults.adaptive;

export class AdaptiveThrottle {
  private readonly requests: BucketedWindow;
  private readonly accepts: BucketedWindow;
  readonly k: number;
  readonly minRequests: number;
  readonly padding: number;

  constructor({ k = defaults.k, windowMs = defaults.windowMs, buckets = defaults.buckets, minRequests = defaults.minRequests, padding = defaults.padding }: AdaptiveThrottleOptions = {}) {
    this.k = checkNumber('k', k, retryBudgetLimits.k);
    this.minRequests = checkNumber('minRequests', minRequests, retryBudgetLimits.minRequests);
    this.padding = checkNumber('padding', padding, retryBudgetLimits.padding);
    this.requests = new BucketedWindow(windowMs, buckets);
    this.accepts = new BucketedWindow(windowMs, buckets);
  }

  /** The probability a request arriving at `now` would be rejected locally. */
  rejectionProbability(now: number): number {
    const requests = this.requests.total(now);
    if (requests < this.minRequests) return 0;
    return Math.max(0, (requests - this.k * this.accepts.total(now)) / (requests + this.padding));
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
