import { attemptSucceeded, type AttemptFailure, type RandomSource, type RetryCore, type RetryState } from '../../src/resilience/index.ts';
import { BulkheadCore } from '../../src/resilience/bulkhead/index.ts';
import type { CircuitBreakerCore, Permit } from '../../src/resilience/circuit-breaker/index.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import { Attempt, type AttemptCaller } from './attempt.ts';
import type { RequestOutcome } from './request-ledger.ts';
import type { Service } from './service.ts';

/** How an attempt that reached the service ended, as the caller saw it. */
export type AttemptEnding = 'succeeded' | 'failed' | 'timedOut' | 'shed';

/** What turned an attempt away before it reached the service. */
export type Rejector = 'breaker' | 'bulkhead';

/** Hooks for metrics, each called at the virtual time of the event. */
export interface ProtectedCallObserver {
  /** An attempt was handed to the service. */
  attemptSent(now: number): void;
  /** An attempt that was handed to the service ended for the caller. */
  attemptEnded(now: number, ending: AttemptEnding): void;
  /** An attempt was turned away on the caller's side and never reached the service. */
  attemptRejected(now: number, by: Rejector): void;
}

export interface ProtectedCallerOptions {
  readonly service: Service;
  /** How long the caller waits for each attempt, ms; Infinity (the default) waits as long as it takes. */
  readonly attemptTimeoutMs?: number;
  /** Retries, outside the breaker: each retry asks the breaker again. Without it a call makes one attempt. */
  readonly retry?: RetryCore;
  /** One breaker for every call of this caller (per dependency, not per request). */
  readonly breaker?: CircuitBreakerCore;
  /** At most this many attempts in flight at once; one more is rejected at once (a bulkhead with no queue). */
  readonly bulkheadSize?: number;
  readonly observer?: ProtectedCallObserver;
  /** The random stream the retry decisions (jitter) draw from. */
  readonly streamName?: string;
}

/** One call: one or more attempts, then exactly one outcome. */
class Call {
  retryState: RetryState | undefined = undefined;
  /**
   * The breaker's permit for the attempt in flight; undefined without a
   * breaker. A call has at most one unsettled attempt: the next one is sent
   * only after the last one settled.
   */
  permit: Permit | undefined = undefined;
  constructor(readonly onEnd: (outcome: RequestOutcome, now: number) => void) {}
}

const failures: Readonly<Record<Exclude<AttemptEnding, 'succeeded'>, AttemptFailure>> = {
  failed: Object.freeze({ ok: false }),
  shed: Object.freeze({ ok: false }),
  timedOut: Object.freeze({ ok: false, timedOut: true }),
};

/**
 * Calls to a service through a pipeline of policies, on virtual time,
 * outermost first: retry, circuit breaker, bulkhead, per-attempt timeout,
 * then the service. Retry sits outside the breaker so that each retry asks it
 * again; the bulkhead inside it, so that a full bulkhead is never mistaken
 * for a failing dependency. The breaker and the bulkhead are
 * the sans-I/O cores of src/resilience, asked before each attempt and told
 * how it ended, exactly as their real-clock executors do:
 * - an error, a timeout, or the service shedding the attempt counts as a
 *   failure for the breaker (resilience4j counts every error by default);
 * - an attempt the bulkhead refused says nothing about the dependency: its
 *   breaker permit is handed back uncounted (`onIgnored`);
 * - a rejection (breaker or bulkhead) ends the call at once, without a retry:
 *   the breaker refuses for its whole open wait, so retrying within the
 *   backoff would be refused again, and the call fails fast, which is the
 *   point of both mechanisms.
 * A timed-out attempt frees its bulkhead slot at once (the caller stopped
 * waiting), while the service may keep working on it.
 */
export class ProtectedCaller implements AttemptCaller<Call>, EventHandler<Attempt<Call> | Call> {
  /** Attempts handed to the service so far. */
  attemptsSent = 0;
  private readonly service: Service;
  private readonly timeoutMs: number;
  private readonly retry: RetryCore | undefined;
  private readonly breaker: CircuitBreakerCore | undefined;
  private readonly bulkhead: BulkheadCore<never> | undefined;
  private readonly observer: ProtectedCallObserver | undefined;
  private readonly random: RandomSource;
  /** Every attempt's timeout comes a fixed delay after its send, so they come due in the order they are set: a lane of the agenda. */
  private readonly timeouts: number;
  /** When the breaker's pending timer fires (automatic half-open, probe deadlines); undefined when none is set. */
  private breakerTimerAt: number | undefined = undefined;

  constructor(
    private readonly sim: Simulation,
    options: ProtectedCallerOptions,
  ) {
    const { attemptTimeoutMs = Infinity, bulkheadSize } = options;
    if (!(attemptTimeoutMs > 0)) throw new RangeError(`attemptTimeoutMs must be > 0, got ${attemptTimeoutMs}`);
    this.service = options.service;
    this.timeoutMs = attemptTimeoutMs;
    this.retry = options.retry;
    this.breaker = options.breaker;
    this.bulkhead = bulkheadSize === undefined ? undefined : new BulkheadCore<never>({ maxConcurrent: bulkheadSize });
    this.observer = options.observer;
    this.random = sim.streams.stream(options.streamName ?? 'retry');
    this.timeouts = sim.newLane();
  }

  /** Starts a call now; `onEnd` is called exactly once, with its outcome. */
  call(onEnd: (outcome: RequestOutcome, now: number) => void): void {
    const call = new Call(onEnd);
    if (this.retry) call.retryState = this.retry.begin(this.sim.now);
    this.send(call);
  }

  private send(call: Call): void {
    const now = this.sim.now;
    let permit: Permit | undefined;
    if (this.breaker) {
      const acquired = this.breaker.tryAcquire(now);
      this.syncBreakerTimer();
      if (!acquired.permitted) return this.reject(call, 'breaker');
      permit = acquired;
    }
    if (this.bulkhead && !this.bulkhead.tryEnter()) {
      if (permit) {
        this.breaker!.onIgnored(now, permit);
        this.syncBreakerTimer();
      }
      return this.reject(call, 'bulkhead');
    }
    call.permit = permit;
    const attempt = new Attempt(this, call);
    this.attemptsSent++;
    this.observer?.attemptSent(now);
    const admission = this.service.submit(attempt, now);
    if (admission !== 'accepted') return this.settle(attempt, admission === 'shed' ? 'shed' : 'failed', now);
    if (this.timeoutMs !== Infinity) this.sim.scheduleInLane(this.timeouts, now + this.timeoutMs, this, 0, attempt);
  }

  /**
   * The agenda calls back here, rather than a closure made per attempt: an
   * attempt's timeout is up, or a call's retry is due.
   */
  handleEvent(_kind: number, subject: Attempt<Call> | Call): void {
    if (subject instanceof Attempt) this.timeUp(subject);
    else this.send(subject);
  }

  /** The service's answer to `attempt`. */
  answered(attempt: Attempt<Call>, ok: boolean, now: number): void {
    if (!attempt.settled) this.settle(attempt, ok ? 'succeeded' : 'failed', now);
  }

  private timeUp(attempt: Attempt<Call>): void {
    if (attempt.settled) return;
    const now = this.sim.now;
    this.service.abandon(attempt, now);
    this.settle(attempt, 'timedOut', now);
  }

  private settle(attempt: Attempt<Call>, ending: AttemptEnding, now: number): void {
    attempt.settled = true;
    this.bulkhead?.leave();
    const call = attempt.request;
    const permit = call.permit;
    if (permit) {
      const durationMs = now - attempt.arrivedAt;
      if (ending === 'succeeded') this.breaker!.onSuccess(now, durationMs, permit);
      else this.breaker!.onFailure(now, durationMs, permit);
      this.syncBreakerTimer();
    }
    this.observer?.attemptEnded(now, ending);
    if (ending === 'succeeded') {
      // Asked even after a success, so that a retry budget hears of it.
      this.retry?.decide(call.retryState!, attemptSucceeded, now, this.random);
      call.onEnd('succeeded', now);
      return;
    }
    const decision = this.retry?.decide(call.retryState!, failures[ending], now, this.random);
    if (decision?.retry) {
      // Even a zero wait goes through the agenda, so a burst of instant refusals never recurses.
      this.sim.schedule(this.sim.now + decision.delayMs, this, 0, call);
    } else {
      call.onEnd(decision?.reason === 'budget' ? 'rejected' : ending, now);
    }
  }

  private reject(call: Call, by: Rejector): void {
    const now = this.sim.now;
    this.observer?.attemptRejected(now, by);
    call.onEnd('rejected', now);
  }

  /**
   * Keeps one agenda entry aimed at the breaker's next change of state by
   * itself (`nextTimerAt`), as the real-clock executor keeps one timer. A
   * lazy breaker with no probe timeout never asks for one.
   */
  private syncBreakerTimer(): void {
    const at = this.breaker!.nextTimerAt();
    if (at === this.breakerTimerAt) return;
    // An entry already on the agenda for another time finds itself stale when it fires.
    this.breakerTimerAt = at;
    if (at === undefined) return;
    this.sim.at(Math.max(at, this.sim.now), () => {
      if (this.breakerTimerAt !== at) return;
      this.breakerTimerAt = undefined;
      this.breaker!.advance(this.sim.now);
      this.syncBreakerTimer();
    });
  }
}
