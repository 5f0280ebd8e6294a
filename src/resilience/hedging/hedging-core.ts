import { checkNumber } from '../options/validate.ts';
import type { RetryBudget } from '../retry-budget/retry-budget.ts';
import type { HedgingDelay } from './hedging-delay.ts';
import { hedgingLimits } from './hedging-options.ts';

/**
 * How an attempt ended. 'non-fatal': a failure another attempt may still
 * turn into a success (gRPC's nonFatalStatusCodes, e.g. UNAVAILABLE);
 * 'fatal': any other failure, which ends the whole call.
 */
export type HedgeAttemptOutcome = 'success' | 'non-fatal' | 'fatal';

/** Why a hedged call failed. */
export type HedgingFailureReason = 'fatal' | 'exhausted' | 'budget' | 'pushback';

export type HedgingDecision =
  /** Nothing to do now; the next timed hedge is due at `state.nextHedgeAt` (Infinity: none). */
  | { readonly kind: 'wait' }
  /** Start attempt number `state.started` now. */
  | { readonly kind: 'hedge' }
  /** The attempt that just ended won: answer with it, cancel every other outstanding attempt. */
  | { readonly kind: 'succeeded' }
  /** The call failed: answer with the last failure, cancel every outstanding attempt. */
  | { readonly kind: 'failed'; readonly reason: HedgingFailureReason };

const wait: HedgingDecision = Object.freeze({ kind: 'wait' });
const hedge: HedgingDecision = Object.freeze({ kind: 'hedge' });
const succeeded: HedgingDecision = Object.freeze({ kind: 'succeeded' });
const failed: Readonly<Record<HedgingFailureReason, HedgingDecision>> = Object.freeze({
  fatal: Object.freeze({ kind: 'failed', reason: 'fatal' }),
  exhausted: Object.freeze({ kind: 'failed', reason: 'exhausted' }),
  budget: Object.freeze({ kind: 'failed', reason: 'budget' }),
  pushback: Object.freeze({ kind: 'failed', reason: 'pushback' }),
});

/**
 * One hedged call's progress. The caller holds it (an executor may extend
 * it, a simulator keeps thousands) and hands it back to the core; only the
 * core writes to it.
 */
export class HedgingState {
  /** Attempts started, the first included. */
  started = 0;
  /** Attempts started and not ended. */
  outstanding = 0;
  /** The call has its answer (or its failure); late attempts are ignored. */
  done = false;
  /** When the next timed hedge is due; Infinity when none will be. */
  nextHedgeAt = Infinity;
  /** A server pushback said not to hedge again. */
  stopped = false;
  /** The budget refused a hedge, so no further hedge is sent for this call. */
  throttled = false;
}

export interface HedgingCoreOptions {
  /**
   * Attempts in all, the first included (gRPC's maxAttempts; Polly's
   * MaxHedgedAttempts + 1). gRPC clients clamp it at 5 by default.
   */
  readonly maxAttempts: number;
  readonly delay: HedgingDelay;
  /**
   * The retry throttle the hedges draw from, shared with retries (gRFC A6:
   * "throttling also applies to hedged RPCs"): the first attempt is always
   * sent, each hedge only if the budget allows it.
   */
  readonly budget?: RetryBudget;
}

export function checkHedgingCoreOptions(o: HedgingCoreOptions): void {
  checkNumber('maxAttempts', o.maxAttempts, hedgingLimits.maxAttempts);
}

/**
 * Hedging, sans I/O, with the semantics of gRPC's hedging policy (gRFC A6,
 * https://github.com/grpc/proposal/blob/master/A6-client-retries.md#hedging-policy)
 * and Polly's hedging strategy
 * (https://github.com/App-vNext/Polly/tree/main/src/Polly.Core/Hedging):
 * - the first attempt goes at once; after `delay` with no answer the next
 *   one goes, and so on, up to `maxAttempts` in flight or done;
 * - the first success wins and every other outstanding attempt is cancelled;
 * - a non-fatal failure sends the next attempt at once instead of waiting
 *   out the delay (later ones resume the delay from then); a fatal one ends
 *   the call;
 * - server pushback: a negative value stops hedging, a positive one
 *   schedules the next hedge that many ms later;
 * - when every attempt has failed the call fails with the last failure;
 *   there are no retries after hedging;
 * - hedges draw from the retry budget; a refused hedge is not sent, and if
 *   nothing is outstanding then, the call fails (A6). No later hedge is
 *   tried for that call: grpc-java schedules none once the throttle is at
 *   or below its threshold (`state.freezeHedging()` in
 *   https://github.com/grpc/grpc-java/blob/master/core/src/main/java/io/grpc/internal/RetriableStream.java),
 *   so a call whose attempt queues long behind an overload asks the budget
 *   once, not every delay. Where grpc-java goes further than A6 we do not
 *   follow: when a non-fatal failure finds the throttle at its threshold it
 *   commits that failure and cancels the attempts still outstanding
 *   (`makeHedgingDecision` → not hedgeable → `commitAndRun`). A6 only stops
 *   new hedges; attempts already sent cost nothing more to wait for, and
 *   one of them may still succeed.
 * Budget accounting follows A6: successes and non-fatal failures are
 * reported to it, fatal ones are not (a malformed request says nothing about
 * the server's health), nor are cancelled attempts.
 */
export class HedgingCore {
  readonly maxAttempts: number;
  readonly delay: HedgingDelay;
  private readonly budget: RetryBudget | undefined;

  constructor(options: HedgingCoreOptions) {
    checkHedgingCoreOptions(options);
    this.maxAttempts = options.maxAttempts;
    this.delay = options.delay;
    this.budget = options.budget;
  }

  /** The call starts at `now`: the first attempt is sent at once. Fills in and returns `state`. */
  begin<S extends HedgingState>(state: S, now: number): S {
    this.budget?.onRequest(now);
    state.started = 1;
    state.outstanding = 1;
    state.nextHedgeAt = this.maxAttempts > 1 ? now + this.delay.delayMs() : Infinity;
    return state;
  }

  /** The hedge timer of `state` fired at `now` (at or after `state.nextHedgeAt`). */
  hedgeDue(state: HedgingState, now: number): HedgingDecision {
    if (state.done) return wait;
    return this.tryHedge(state, now);
  }

  /**
   * Attempt number `attempt` ended at `now` with `outcome`, after
   * `latencyMs`. `pushbackMs` is the server's pushback, if any (negative:
   * do not hedge again).
   */
  attemptEnded(state: HedgingState, attempt: number, outcome: HedgeAttemptOutcome, now: number, latencyMs: number, pushbackMs?: number): HedgingDecision {
    if (state.done) return wait;
    state.outstanding--;
    const isHedge = attempt > 1;
    if (outcome === 'success') {
      this.budget?.onAttemptEnd(now, true, isHedge);
      this.delay.observe(latencyMs);
      state.done = true;
      state.nextHedgeAt = Infinity;
      return succeeded;
    }
    if (outcome === 'fatal') return this.fail(state, 'fatal');
    this.budget?.onAttemptEnd(now, false, isHedge);
    if (pushbackMs !== undefined) {
      if (pushbackMs < 0) {
        state.stopped = true;
        state.nextHedgeAt = Infinity;
      } else if (this.mayHedge(state)) {
        state.nextHedgeAt = now + pushbackMs;
      }
    } else if (this.mayHedge(state)) {
      return this.tryHedge(state, now);
    }
    if (state.outstanding > 0 || state.nextHedgeAt < Infinity) return wait;
    return this.fail(state, stopReason(state));
  }

  /** An attempt that lost was cancelled `latencyMs` after it started: what it tells of the latency (it took at least this). */
  attemptCancelled(latencyMs: number): void {
    this.delay.observe(latencyMs);
  }

  private mayHedge(state: HedgingState): boolean {
    return state.started < this.maxAttempts && !state.stopped && !state.throttled;
  }

  private tryHedge(state: HedgingState, now: number): HedgingDecision {
    // A refused hedge is not sent, nor any after it.
    if (this.mayHedge(state) && this.budget !== undefined && !this.budget.tryAcquireRetry(now, 'error')) state.throttled = true;
    if (!this.mayHedge(state)) {
      state.nextHedgeAt = Infinity;
      return state.outstanding > 0 ? wait : this.fail(state, stopReason(state));
    }
    state.started++;
    state.outstanding++;
    state.nextHedgeAt = state.started < this.maxAttempts ? now + this.delay.delayMs() : Infinity;
    return hedge;
  }

  private fail(state: HedgingState, reason: HedgingFailureReason): HedgingDecision {
    state.done = true;
    state.nextHedgeAt = Infinity;
    return failed[reason];
  }
}

/** Why a call that can send no further hedge fails once nothing is outstanding. */
function stopReason(state: HedgingState): HedgingFailureReason {
  if (state.stopped) return 'pushback';
  return state.throttled ? 'budget' : 'exhausted';
}
