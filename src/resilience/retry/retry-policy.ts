import { realClock, realRandom, type Clock } from '../clock.ts';
import { BudgetExhaustedError, RetriesExhaustedError, TimeoutError } from '../errors.ts';
import { EventEmitter, type AttemptEvent, type Event, type GiveUpEvent, type GiveUpReason, type RetryScheduledEvent } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import { attemptSucceeded, RetryCore, type AttemptFailure, type GiveUpDecisionReason, type RetryState } from './retry-core.ts';
import { retryDefaults, type RetryOptions } from './retry-options.ts';

export type { RetryOptions } from './retry-options.ts';

/** Reads a numeric `retryAfterMs` property, the convention this project's HTTP examples follow. */
export function retryAfterFromError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const hint = error.retryAfterMs;
  return typeof hint === 'number' && hint >= 0 && hint < Infinity ? hint : undefined;
}

/** The context of a first attempt without a caller's signal: shared, so the fast path allocates none. */
const firstAttemptContext: ExecuteContext = Object.freeze({ signal: neverAborted, attempt: 1 });

/**
 * Retries an operation on the real (or an injected) clock, applying the
 * decisions of a RetryCore. Gives up with:
 * - the operation's own error when it is not retryable;
 * - RetriesExhaustedError (attempts, lastError) at max attempts or the deadline;
 * - BudgetExhaustedError when the budget refuses a retry;
 * - the abort reason as soon as the caller's signal aborts, even mid-wait.
 *
 * The path of a first attempt that succeeds reads the clock only when a
 * deadline or budget needs the time, and builds event objects only for listeners.
 */
export class RetryPolicy implements Policy {
  readonly core: RetryCore;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly retryAfterMs: (error: unknown) => number | undefined;
  /** Whether the start time matters (a deadline to count from, a budget to tell). */
  private readonly timed: boolean;
  private readonly attempts = new EventEmitter<AttemptEvent>();
  private readonly retries = new EventEmitter<RetryScheduledEvent>();
  private readonly giveUps = new EventEmitter<GiveUpEvent>();
  /** Fires as each attempt starts. */
  readonly onAttempt: Event<AttemptEvent> = this.attempts.subscribe;
  /** Fires when an attempt failed and the next one is scheduled. */
  readonly onRetry: Event<RetryScheduledEvent> = this.retries.subscribe;
  /** Fires when the retry stops with the operation still failing. */
  readonly onGiveUp: Event<GiveUpEvent> = this.giveUps.subscribe;

  constructor({
    maxAttempts = retryDefaults.maxAttempts,
    backoff = retryDefaults.backoff,
    deadlineMs = retryDefaults.deadlineMs,
    maxDelayMs,
    retryable,
    retryAfterMs = retryAfterFromError,
    budget,
    clock = realClock,
    random = realRandom,
  }: RetryOptions = {}) {
    this.core = new RetryCore({
      maxAttempts,
      backoff,
      deadlineMs,
      maxDelayMs,
      budget,
      retryable: retryable && ((failure: AttemptFailure) => retryable(failure.error)),
    });
    this.clock = clock;
    this.random = random;
    this.retryAfterMs = retryAfterMs;
    this.timed = budget !== undefined || deadlineMs !== Infinity;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (this.timed || this.attempts.hasListeners) return this.executeObserved(operation, signal);
    let result: PromiseLike<T> | T;
    try {
      result = operation(signal === neverAborted ? firstAttemptContext : { signal, attempt: 1 });
    } catch (error) {
      return this.retryAfterFailure(operation, signal, this.core.begin(this.clock.now()), error);
    }
    // Nothing to record on success: hand back the operation's own promise with a
    // rejection handler attached, one promise reaction and no async frame.
    const pending = result instanceof Promise ? (result as Promise<T>) : Promise.resolve(result);
    return pending.then(undefined, (error: unknown) => this.retryAfterFailure(operation, signal, this.core.begin(this.clock.now()), error));
  }

  /** The first attempt when its start time or its start event matter (a deadline, a budget, an onAttempt listener). */
  private async executeObserved<T>(operation: Operation<T>, signal: AbortSignal): Promise<T> {
    const state = this.timed ? this.core.begin(this.clock.now()) : undefined;
    if (this.attempts.hasListeners) this.attempts.emit({ attempt: 1 });
    try {
      const value = await operation(signal === neverAborted ? firstAttemptContext : { signal, attempt: 1 });
      if (state !== undefined) this.core.decide(state, attemptSucceeded, this.clock.now(), this.random);
      return value;
    } catch (error) {
      return this.retryAfterFailure(operation, signal, state ?? this.core.begin(this.clock.now()), error);
    }
  }

  private async retryAfterFailure<T>(operation: Operation<T>, signal: AbortSignal, state: RetryState, firstError: unknown): Promise<T> {
    let error = firstError;
    for (;;) {
      if (signal.aborted) throw this.giveUp('aborted', state.attempt, error, abortReason(signal));
      const failure: AttemptFailure = { ok: false, error, timedOut: error instanceof TimeoutError, retryAfterMs: this.retryAfterMs(error) };
      const decision = this.core.decide(state, failure, this.clock.now(), this.random);
      if (!decision.retry) {
        // decide only says 'succeeded' after a success, which never reaches this loop.
        const reason = decision.reason as GiveUpDecisionReason;
        throw this.giveUp(reason, state.attempt, error, this.giveUpError(reason, state.attempt, error));
      }
      if (this.retries.hasListeners) this.retries.emit({ attempt: decision.attempt, delayMs: decision.delayMs, error });
      try {
        await this.clock.sleep(decision.delayMs, signal === neverAborted ? undefined : signal);
      } catch (sleepError) {
        throw this.giveUp('aborted', state.attempt - 1, error, sleepError);
      }
      if (this.attempts.hasListeners) this.attempts.emit({ attempt: state.attempt });
      try {
        const value = await operation({ signal, attempt: state.attempt });
        this.core.decide(state, attemptSucceeded, this.clock.now(), this.random);
        return value;
      } catch (attemptError) {
        error = attemptError;
      }
    }
  }

  private giveUpError(reason: GiveUpDecisionReason, attempts: number, lastError: unknown): unknown {
    switch (reason) {
      case 'not-retryable':
        return lastError;
      case 'budget':
        return new BudgetExhaustedError(attempts, lastError);
      default:
        return new RetriesExhaustedError(attempts, lastError, reason);
    }
  }

  /** Emits the give-up event and returns what the call rejects with. */
  private giveUp(reason: GiveUpReason, attempts: number, error: unknown, thrown: unknown): unknown {
    if (this.giveUps.hasListeners) this.giveUps.emit({ reason, attempts, error });
    return thrown;
  }
}

export function retry(options?: RetryOptions): RetryPolicy {
  return new RetryPolicy(options);
}
