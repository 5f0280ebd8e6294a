import { checkNumber } from '../options/validate.ts';
import { rateLimiterLimits } from './rate-limiter-options.ts';

/**
 * A token bucket, sans-I/O: `burst` tokens at most, refilled continuously at
 * `ratePerSecond`; a call takes one (or `cost`). Refill is computed lazily
 * from the time passed since the last look, so an idle bucket costs nothing.
 *
 * Tokens are real numbers; a take succeeds when the shortfall is below
 * 1e-9 token, so that waiting exactly the `retryAfterMs` a rejection gave is
 * always enough despite binary rounding.
 */
export interface TokenBucketOptions {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Capacity: the largest burst let through at once. */
  readonly burst: number;
  /** Tokens at the start; `burst` (full) by default. */
  readonly initialTokens?: number;
}

export type TakeResult = { readonly permitted: true } | { readonly permitted: false; readonly retryAfterMs: number };

export interface TokenBucketSnapshot {
  readonly tokens: number;
  /** When `tokens` was computed; null before the first look. */
  readonly at: number | null;
}

const EPSILON = 1e-9;
const taken: TakeResult = Object.freeze({ permitted: true });

export class TokenBucket {
  readonly ratePerMs: number;
  readonly burst: number;
  private tokens: number;
  private at: number | null = null;

  constructor({ ratePerSecond, burst, initialTokens = burst }: TokenBucketOptions) {
    checkNumber('ratePerSecond', ratePerSecond, rateLimiterLimits.ratePerSecond);
    checkNumber('burst', burst, rateLimiterLimits.burst);
    checkNumber('initialTokens', initialTokens, { min: 0, max: burst });
    this.ratePerMs = ratePerSecond / 1000;
    this.burst = burst;
    this.tokens = initialTokens;
  }

  /** Tokens available at `now` (negative while reservations are outstanding). */
  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }

  /** Takes `cost` tokens if there are enough; otherwise says how long until there will be. */
  tryTake(now: number, cost = 1): TakeResult {
    this.requireCost(cost);
    this.refill(now);
    if (this.tokens + EPSILON >= cost) {
      this.tokens -= cost;
      return taken;
    }
    return { permitted: false, retryAfterMs: (cost - this.tokens) / this.ratePerMs };
  }

  /**
   * Takes `cost` tokens now, going into debt if needed, when the wait for them
   * is at most `maxWaitMs`: returns that wait (0 = go now), or undefined,
   * taking nothing, when it would be longer. Later callers queue behind the
   * debt, so waits are served in order.
   */
  reserve(now: number, cost: number, maxWaitMs: number): number | undefined {
    this.requireCost(cost);
    this.refill(now);
    const shortfall = cost - this.tokens;
    const waitMs = shortfall <= EPSILON ? 0 : shortfall / this.ratePerMs;
    if (waitMs > maxWaitMs) return undefined;
    this.tokens -= cost;
    return waitMs;
  }

  /** How long until `cost` tokens are available, without taking them. */
  waitFor(now: number, cost = 1): number {
    this.requireCost(cost);
    this.refill(now);
    const shortfall = cost - this.tokens;
    return shortfall <= EPSILON ? 0 : shortfall / this.ratePerMs;
  }

  /** Gives back tokens of a reservation that was not used (its caller gave up). */
  refund(now: number, cost: number): void {
    this.refill(now);
    this.tokens = Math.min(this.burst, this.tokens + cost);
  }

  snapshot(): TokenBucketSnapshot {
    return { tokens: this.tokens, at: this.at };
  }

  restore(s: TokenBucketSnapshot): void {
    if (!(s.tokens <= this.burst) || Number.isNaN(s.tokens)) throw new RangeError(`snapshot tokens ${s.tokens} above burst ${this.burst}`);
    this.tokens = s.tokens;
    this.at = s.at;
  }

  private refill(now: number): void {
    if (this.at === null || now <= this.at) {
      // First look, or time standing still or going backwards: nothing to add.
      if (this.at === null) this.at = now;
      return;
    }
    this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * this.ratePerMs);
    this.at = now;
  }

  private requireCost(cost: number): void {
    if (!(cost > 0 && cost <= this.burst)) throw new RangeError(`cost must be in (0, burst = ${this.burst}], got ${cost}`);
  }
}
