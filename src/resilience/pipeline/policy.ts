/**
 * The executor side of every mechanism. A policy wraps one async call; a
 * pipeline composes policies outermost first, as Polly v8 composes
 * resilience strategies:
 *
 *   pipeline(retry(...), circuitBreaker(...), timeout(...)).execute(fn, signal)
 *
 * retries the breaker-guarded, time-limited call. Each policy passes an
 * AbortSignal inward, so cancelling the outer call cancels whatever is
 * running or waiting inside it.
 */
export interface ExecuteContext {
  /** Aborts when the caller gives up or an enclosing policy (e.g. a timeout) cancels this attempt. */
  readonly signal: AbortSignal;
  /** 1-based attempt number given by the nearest enclosing retry; 1 outside any retry. */
  readonly attempt: number;
}

export type Operation<T> = (context: ExecuteContext) => PromiseLike<T> | T;

export interface Policy {
  /**
   * Runs `operation` under this policy.
   *
   * `attempt` is the attempt number of an enclosing retry, passed by
   * `pipeline` (1 when absent). A policy that does not number attempts itself
   * must hand it to the operation unchanged, in the `ExecuteContext` it
   * builds, so that the innermost operation sees the retry's count.
   */
  execute<T>(operation: Operation<T>, signal?: AbortSignal, attempt?: number): Promise<T>;
}

/** A signal that never aborts, shared so a call without one allocates nothing. */
export const neverAborted: AbortSignal = new AbortController().signal;

/** Composes policies; the first is outermost. */
export function pipeline(...policies: Policy[]): Policy {
  if (policies.length === 0) return noopPolicy;
  if (policies.length === 1) return policies[0];
  const [outer, ...rest] = policies;
  const inner = pipeline(...rest);
  return {
    execute<T>(operation: Operation<T>, signal?: AbortSignal, attempt?: number): Promise<T> {
      // The inner policy receives the outer's context piecewise (signal, attempt) rather
      // than a new context object, so a pipeline adds one closure per call and nothing else.
      return outer.execute((ctx) => inner.execute(operation, ctx.signal, ctx.attempt), signal, attempt);
    },
  };
}

/** Runs the operation as it is. */
export const noopPolicy: Policy = {
  async execute<T>(operation: Operation<T>, signal?: AbortSignal, attempt = 1): Promise<T> {
    return operation({ signal: signal ?? neverAborted, attempt });
  },
};
