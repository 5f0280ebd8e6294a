import { realClock, type Clock } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import { checkNumber } from '../options/validate.ts';
import { RateLimitedError } from './rate-limited-error.ts';
import { rateLimiterDefaults, rateLimiterLimits } from './rate-limiter-options.ts';
import { TokenBucket, type TokenBucketOptions } from './token-bucket.ts';

export interface RateLimiterOptions extends TokenBucketOptions {
  /**
   * How long a call may wait for its token instead of being rejected; 0 by
   * default (reject at once). Waiting calls hold a reservation, so they are
   * served in arrival order; one that aborts gives its token back.
   */
  maxWaitMs?: number;
  clock?: Clock;
}

/** A call was turned away by the rate limit. */
export interface RateLimitedEvent {
  readonly retryAfterMs: number;
}

const firstAttemptContext: ExecuteContext = Object.freeze({ signal: neverAborted, attempt: 1 });

/**
 * Lets calls through at `ratePerSecond` on average, with bursts up to
 * `burst`: a token bucket on a clock. Over the limit, `RateLimitedError`
 * with the time until the next token, or a bounded wait (`maxWaitMs`).
 */
export class RateLimiterPolicy implements Policy {
  readonly bucket: TokenBucket;
  private readonly clock: Clock;
  private readonly maxWaitMs: number;
  private readonly limited = new EventEmitter<RateLimitedEvent>();
  readonly onRateLimited: Event<RateLimitedEvent> = this.limited.subscribe;

  constructor({ maxWaitMs = rateLimiterDefaults.maxWaitMs, clock = realClock, ...bucket }: RateLimiterOptions) {
    checkNumber('maxWaitMs', maxWaitMs, rateLimiterLimits.maxWaitMs);
    this.bucket = new TokenBucket(bucket);
    this.clock = clock;
    this.maxWaitMs = maxWaitMs;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const now = this.clock.now();
    const waitMs = this.bucket.reserve(now, 1, this.maxWaitMs);
    if (waitMs === undefined) return Promise.reject(this.reject(this.bucket.waitFor(now)));
    if (waitMs === 0) return run(operation, signal, attempt);
    return this.runAfter(waitMs, operation, signal, attempt);
  }

  private async runAfter<T>(waitMs: number, operation: Operation<T>, signal: AbortSignal, attempt: number): Promise<T> {
    try {
      await this.clock.sleep(waitMs, signal === neverAborted ? undefined : signal);
    } catch (error) {
      this.bucket.refund(this.clock.now(), 1);
      throw error;
    }
    return run(operation, signal, attempt);
  }

  private reject(retryAfterMs: number): RateLimitedError {
    if (this.limited.hasListeners) this.limited.emit({ retryAfterMs });
    return new RateLimitedError(retryAfterMs);
  }
}

function run<T>(operation: Operation<T>, signal: AbortSignal, attempt: number): Promise<T> {
  try {
    return Promise.resolve(operation(signal === neverAborted && attempt === 1 ? firstAttemptContext : { signal, attempt }));
  } catch (error) {
    return Promise.reject(error);
  }
}

export function rateLimiter(options: RateLimiterOptions): RateLimiterPolicy {
  return new RateLimiterPolicy(options);
}
