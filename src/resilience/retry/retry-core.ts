import type { Backoff } from '../backoff/backoff.ts';
import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import type { RetryBudget, RetryCause } from '../retry-budget/retry-budget.ts';
import { retryDefaults, retryLimits, type RetryCoreOptions } from './retry-options.ts';

export type { RetryCoreOptions } from './retry-options.ts';

/** How an attempt ended, as the caller saw it. */
export type AttemptOutcome = { ok: true } | AttemptFailure;

export interface AttemptFailure {
  ok: false;
  error?: unknown;
  /** The attempt was abandoned by a timeout (some budgets charge more for it). */
  timedOut?: boolean;
  /** The server's Retry-After hint, in ms: the next attempt waits at least this long. */
  retryAfterMs?: number;
}

/** A shared success outcome, so callers on the success path allocate nothing. */
export const attemptSucceeded: AttemptOutcome = Object.freeze({ ok: true });

export type GiveUpDecisionReason = 'max-attempts' | 'deadline' | 'not-retryable' | 'budget';

export type RetryDecision =
  | {
      retry: true;
      /** Wait this long before the next attempt. */
      delayMs: number;
      /** Number of the next attempt (2 for the first retry). */
      attempt: number;
    }
  | { retry: false; reason: 'succeeded' | GiveUpDecisionReason };

/**
 * One request's progress. The caller holds it (the simulator keeps thousands
 * alive) and passes it back to `decide`; only the core writes to it.
 */
export class RetryState {
  /** Number of the attempt in progress or just ended: 1 for the first. */
  attempt = 1;
  /** The backoff's delay for the previous retry (what decorrelated jitter grows from). */
  previousDelay: number | undefined = undefined;
  /** Why the current attempt is a retry; undefined for the first attempt. */
  retryCause: RetryCause | undefined = undefined;
  constructor(
    readonly startedAt: number,
    /** Absolute time by which every attempt must have started. */
    readonly deadlineAt: number,
  ) {}
}

const succeeded: RetryDecision = Object.freeze({ retry: false, reason: 'succeeded' });
const gaveUp: Readonly<Record<GiveUpDecisionReason, RetryDecision>> = Object.freeze({
  'max-attempts': Object.freeze({ retry: false, reason: 'max-attempts' }),
  deadline: Object.freeze({ retry: false, reason: 'deadline' }),
  'not-retryable': Object.freeze({ retry: false, reason: 'not-retryable' }),
  budget: Object.freeze({ retry: false, reason: 'budget' }),
});

/**
 * The retry decision, sans-I/O: given how an attempt ended and the time, says
 * whether another attempt happens and after what wait. The real-clock
 * executor (retry-policy.ts) and the simulator drive this same code.
 *
 * Give-up decisions are shared frozen objects: deciding after a success
 * allocates nothing.
 */
export class RetryCore {
  readonly maxAttempts: number;
  readonly deadlineMs: number;
  readonly maxDelayMs: number;
  private readonly backoff: Backoff;
  private readonly retryable: ((failure: AttemptFailure) => boolean) | undefined;
  private readonly budget: RetryBudget | undefined;

  constructor({ maxAttempts, backoff, deadlineMs = retryDefaults.deadlineMs, maxDelayMs = retryDefaults.maxDelayMs, retryable, budget }: RetryCoreOptions) {
    this.maxAttempts = checkNumber('maxAttempts', maxAttempts, retryLimits.maxAttempts);
    this.deadlineMs = checkNumber('deadlineMs', deadlineMs, retryLimits.deadlineMs);
    this.maxDelayMs = checkNumber('maxDelayMs', maxDelayMs, retryLimits.maxDelayMs);
    this.backoff = backoff;
    this.retryable = retryable;
    this.budget = budget;
  }

  /** Starts a request whose first attempt begins at `now`. */
  begin(now: number): RetryState {
    this.budget?.onRequest(now);
    return new RetryState(now, now + this.deadlineMs);
  }

  /**
   * Decides after the attempt `state.attempt` ended at `now`. On a retry the
   * state moves to the next attempt; the caller waits `delayMs` and starts it.
   * Checks run in the order of the reasons' precedence: not-retryable,
   * max-attempts, deadline, then the budget last, so a budget is never
   * charged for a retry that would not have happened anyway.
   */
  decide(state: RetryState, outcome: AttemptOutcome, now: number, random: RandomSource): RetryDecision {
    const isRetry = state.attempt > 1;
    if (outcome.ok) {
      this.budget?.onAttemptEnd(now, true, isRetry, state.retryCause);
      return succeeded;
    }
    // As in gRPC's retry throttling (gRFC A6), only failures the policy
    // would retry count against the budget: a burst of 400s says nothing
    // about the dependency's health and must not switch retries off.
    if (this.retryable !== undefined && !this.retryable(outcome)) return gaveUp['not-retryable'];
    this.budget?.onAttemptEnd(now, false, isRetry, state.retryCause);
    if (state.attempt >= this.maxAttempts) return gaveUp['max-attempts'];

    const asked = this.backoff({ retry: state.attempt, previousDelay: state.previousDelay, random });
    // A hand-written backoff may return anything; a NaN must not pass for a missed deadline.
    if (!(asked >= 0)) throw new RangeError(`backoff returned ${asked} for retry ${state.attempt}: a delay must be a number >= 0`);
    const backoffDelay = asked < this.maxDelayMs ? asked : this.maxDelayMs;
    const hint = outcome.retryAfterMs;
    const delayMs = hint !== undefined && hint > backoffDelay ? (hint < this.maxDelayMs ? hint : this.maxDelayMs) : backoffDelay;
    if (!(now + delayMs < state.deadlineAt)) return gaveUp.deadline;

    const cause: RetryCause = outcome.timedOut ? 'timeout' : 'error';
    if (this.budget !== undefined && !this.budget.tryAcquireRetry(now, cause)) return gaveUp.budget;

    state.attempt++;
    state.previousDelay = backoffDelay;
    state.retryCause = cause;
    return { retry: true, delayMs, attempt: state.attempt };
  }
}
