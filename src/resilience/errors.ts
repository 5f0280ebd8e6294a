/**
 * Errors thrown by the executors. Every error this layer creates extends
 * `ResilienceError`, so a caller can tell "a policy gave up" from "the
 * operation itself failed" with one `instanceof`; later policies (a breaker's
 * rejection, a full bulkhead) extend it too.
 */
export class ResilienceError extends Error {
  override name = 'ResilienceError';
}

/** Why a retry gave up while the operation was still failing. */
export type RetriesExhaustedReason = 'max-attempts' | 'deadline' | 'budget';

/**
 * The retry stopped with the operation still failing. `lastError` is what the
 * last attempt threw; it is also the standard `cause`, so loggers that walk
 * cause chains show it.
 */
export class RetriesExhaustedError extends ResilienceError {
  override name = 'RetriesExhaustedError';
  constructor(
    /** Attempts made, the first one included. */
    readonly attempts: number,
    readonly lastError: unknown,
    readonly reason: RetriesExhaustedReason = 'max-attempts',
    message = `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} (${reason})`,
  ) {
    super(message, { cause: lastError });
  }
}

/**
 * A retry budget refused the next retry. It is a `RetriesExhaustedError` too:
 * the call failed and will not be tried again, the budget being the reason.
 */
export class BudgetExhaustedError extends RetriesExhaustedError {
  override name = 'BudgetExhaustedError';
  constructor(attempts: number, lastError: unknown) {
    super(attempts, lastError, 'budget', `retry budget exhausted after ${attempts} attempt${attempts === 1 ? '' : 's'}`);
  }
}

/** An attempt ran longer than its timeout and was abandoned (its signal aborted). */
export class TimeoutError extends ResilienceError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}
