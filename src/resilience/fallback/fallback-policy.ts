import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';

/** The fallback's value, or a function computing it from what went wrong. */
export type FallbackValue<U> = U | ((error: unknown, context: ExecuteContext) => U | PromiseLike<U>);

export interface FallbackOptions {
  /**
   * Which errors get the fallback; every error by default. An error thrown
   * after the caller's own signal aborted never does: the caller gave up and
   * wants no answer.
   */
  when?: (error: unknown) => boolean;
}

const firstAttemptContext: ExecuteContext = Object.freeze({ signal: neverAborted, attempt: 1 });
const everyError = (): boolean => true;

/**
 * Answers with a substitute when the operation fails: a cached value, a
 * default, a degraded response. Put it outermost, so that it also covers a
 * breaker's or a bulkhead's rejection (`pipeline(fallback(...), retry(...),
 * circuitBreaker(...))`).
 *
 * `execute` keeps the `Policy` signature, which cannot say that the result
 * may be the fallback's instead of the operation's: give a value of the
 * operation's type, or call `run`, typed `Promise<T | U>`.
 */
export class FallbackPolicy<U> implements Policy {
  private readonly value: FallbackValue<U>;
  private readonly when: (error: unknown) => boolean;

  constructor(value: FallbackValue<U>, { when = everyError }: FallbackOptions = {}) {
    this.value = value;
    this.when = when;
  }

  execute<T>(operation: Operation<T>, signal?: AbortSignal, attempt?: number): Promise<T> {
    return this.run(operation, signal, attempt) as Promise<T>;
  }

  async run<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T | U> {
    if (signal.aborted) throw abortReason(signal);
    const context = signal === neverAborted && attempt === 1 ? firstAttemptContext : { signal, attempt };
    try {
      return await operation(context);
    } catch (error) {
      if (signal.aborted || !this.when(error)) throw error;
      const value = this.value;
      return typeof value === 'function' ? (value as (error: unknown, context: ExecuteContext) => U | PromiseLike<U>)(error, context) : value;
    }
  }
}

export function fallback<U>(value: FallbackValue<U>, options?: FallbackOptions): FallbackPolicy<U> {
  return new FallbackPolicy(value, options);
}
