import { realClock, realRandom, type Clock, type SleepOptions } from '../clock.ts';
import type { Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import type { BreakerState } from './breaker-machine.ts';
import type { BreakerStateChangeEvent, CallOutcomeEvent, CallRejectedEvent, SlowCallEvent } from './breaker-events.ts';
import type { CircuitBreakerCoreOptions } from './breaker-options.ts';
import { BrokenCircuitError } from './broken-circuit-error.ts';
import { CircuitBreakerCore, type Permit } from './circuit-breaker-core.ts';

export interface CircuitBreakerOptions extends CircuitBreakerCoreOptions {
  clock?: Clock;
  /** Chance for a jittered open-duration backoff; `realRandom` by default. */
  random?: RandomSource;
  /**
   * Which errors count against the dependency; every error by default. Other
   * errors pass through uncounted (a 404 says the service is up). An error
   * thrown after the caller's own signal aborted is never counted: the
   * caller gave up, the dependency may be fine.
   */
  isFailure?: (error: unknown) => boolean;
}

const firstAttemptContext: ExecuteContext = Object.freeze({ signal: neverAborted, attempt: 1 });

/** The operation's context: shared for a first attempt without a signal, so that call allocates none. */
function contextFor(signal: AbortSignal, attempt: number): ExecuteContext {
  return signal === neverAborted && attempt === 1 ? firstAttemptContext : { signal, attempt };
}
const housekeeping: SleepOptions = { keepAlive: false };
const countEveryError = (): boolean => true;

/**
 * A circuit breaker on a clock: asks its core before each call, throws
 * `BrokenCircuitError` (with `retryAfterMs`) when turned away, reports each
 * outcome back. With `automaticHalfOpen` or a probe timeout it keeps one
 * timer, aimed at the core's `nextTimerAt()`, which never keeps a process
 * alive on its own; `dispose()` cancels it.
 *
 * The closed path is kept to what an await costs: when the core says it
 * needs no time (`needsTime`), the clock is not read and the outcome is
 * recorded by two handlers bound once per breaker epoch, so a call without
 * a signal allocates nothing beyond the promise `then` makes (a caller's
 * signal costs one closure, to tell its abort from a failure). A time
 * window needs no time either for most calls: a success that ends well
 * inside the window's newest slice is counted there, and the one timer also
 * wakes at the core's `untimedUntil`, after which times are read until a call
 * lands in the next slice (see CircuitBreakerCore.allowUntimedSuccesses).
 * Slow-call thresholds, listeners and the other states read the clock at
 * the start and end of the call.
 */
export class CircuitBreakerPolicy implements Policy {
  readonly core: CircuitBreakerCore;
  private readonly clock: Clock;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly readNow: () => number;
  /** The permit the fast-path handlers are bound to (bindFastPath sets all three before any use). */
  private boundPermit: Permit | undefined = undefined;
  private fastSucceeded!: (value: unknown) => unknown;
  private fastFailed!: (error: unknown) => never;
  private timer: AbortController | undefined = undefined;
  private timerAt: number | undefined = undefined;

  readonly onStateChange: Event<BreakerStateChangeEvent>;
  readonly onCallRejected: Event<CallRejectedEvent>;
  readonly onCallSucceeded: Event<CallOutcomeEvent>;
  readonly onCallFailed: Event<CallOutcomeEvent>;
  readonly onSlowCall: Event<SlowCallEvent>;

  constructor({ clock = realClock, random = realRandom, isFailure = countEveryError, ...core }: CircuitBreakerOptions) {
    this.core = new CircuitBreakerCore({ ...core, random });
    // This executor keeps a timer at core.untimedUntil (syncTimer), so a time window's successes may skip the clock.
    this.core.allowUntimedSuccesses();
    this.clock = clock;
    this.isFailure = isFailure;
    this.readNow = () => clock.now();
    this.onStateChange = this.core.onStateChange;
    this.onCallRejected = this.core.onCallRejected;
    this.onCallSucceeded = this.core.onCallSucceeded;
    this.onCallFailed = this.core.onCallFailed;
    this.onSlowCall = this.core.onSlowCall;
  }

  get state(): BreakerState {
    return this.core.state;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    return this.core.needsTime ? this.executeTimed(operation, signal, attempt) : this.executeUntimed(operation, signal, attempt);
  }

  /** Isolates the dependency until `reset()`. */
  forceOpen(): void {
    this.core.forceOpen(this.clock.now());
    this.syncTimer();
  }

  /** Lets everything through, counting nothing, until `reset()`. */
  disable(): void {
    this.core.disable(this.clock.now());
    this.syncTimer();
  }

  reset(): void {
    this.core.reset(this.clock.now());
    this.syncTimer();
  }

  /** Cancels the pending timer, if any. The breaker still works, lazily. */
  dispose(): void {
    // Without its timer, a time window's successes must be timed again.
    this.core.allowUntimedSuccesses(false);
    this.timer?.abort();
    this.timer = undefined;
    this.timerAt = undefined;
  }

  /**
   * Closed and no time needed: no clock read, and handlers bound once per
   * epoch, so a call without a signal allocates no closure.
   */
  private executeUntimed<T>(operation: Operation<T>, signal: AbortSignal, attempt: number): Promise<T> {
    const permit = this.core.tryAcquire(NaN) as Permit;
    if (permit !== this.boundPermit) this.bindFastPath(permit);
    const failed = signal === neverAborted ? this.fastFailed : this.failedUnlessAborted(signal, permit);
    let result: PromiseLike<T> | T;
    try {
      result = operation(contextFor(signal, attempt));
    } catch (error) {
      return Promise.reject(error).then(undefined, failed);
    }
    return Promise.resolve(result).then(this.fastSucceeded as (value: T) => T, failed);
  }

  private bindFastPath(permit: Permit): void {
    const core = this.core;
    const byTime = core.countsByTime;
    this.boundPermit = permit;
    this.fastSucceeded = (value) => {
      core.onSuccessUntimed(permit, this.readNow);
      // A success reported with its time may have opened a new stretch of untimed reporting, which needs its timer.
      if (core.state !== 'closed' || (byTime && core.untimedUntil !== this.timerAt)) this.syncTimer();
      return value;
    };
    this.fastFailed = (error) => {
      this.record(error, neverAborted, this.clock.now(), NaN, permit);
      throw error;
    };
  }

  private failedUnlessAborted(signal: AbortSignal, permit: Permit): (error: unknown) => never {
    return (error) => {
      this.record(error, signal, this.clock.now(), NaN, permit);
      throw error;
    };
  }

  /** Any state, or a detector that needs the time: the start and end of the call are read. */
  private executeTimed<T>(operation: Operation<T>, signal: AbortSignal, attempt: number): Promise<T> {
    const core = this.core;
    const clock = this.clock;
    const start = clock.now();
    const permit = core.tryAcquire(start);
    this.syncTimer();
    if (!permit.permitted) return Promise.reject(new BrokenCircuitError(permit.retryAfterMs, permit.state));
    let result: PromiseLike<T> | T;
    try {
      result = operation(contextFor(signal, attempt));
    } catch (error) {
      result = Promise.reject(error);
    }
    // Inline handlers: a closure bound to a name costs a defineProperty per call under tools that keep names (tsx, esbuild's keepNames).
    return Promise.resolve(result).then(
      (value) => {
        const end = clock.now();
        core.onSuccess(end, end - start, permit);
        this.syncTimer();
        return value;
      },
      (error: unknown) => {
        const end = clock.now();
        this.record(error, signal, end, end - start, permit);
        throw error;
      },
    );
  }

  /** An error ended the call: a failure, unless the caller gave up or `isFailure` says it is not one. */
  private record(error: unknown, signal: AbortSignal, now: number, durationMs: number, permit: Permit): void {
    if (signal.aborted || !this.isFailure(error)) this.core.onIgnored(now, permit);
    else this.core.onFailure(now, durationMs, permit);
    if (this.core.state !== 'closed' || this.timerAt !== this.core.untimedUntil) this.syncTimer();
  }

  /** Keeps one timer aimed at the core's next self-transition, or the end of untimed reporting if that comes first. */
  private syncTimer(): void {
    const at = earliest(this.core.nextTimerAt(), this.core.untimedUntil);
    if (at === this.timerAt) return;
    this.timer?.abort();
    this.timer = undefined;
    this.timerAt = at;
    if (at === undefined) return;
    const controller = new AbortController();
    this.timer = controller;
    this.clock.sleep(Math.max(0, at - this.clock.now()), controller.signal, housekeeping).then(
      () => {
        if (this.timer !== controller) return;
        this.timer = undefined;
        this.timerAt = undefined;
        this.core.advance(this.clock.now());
        // A timer may fire a little early for the clock it is compared with: syncTimer re-aims it.
        this.syncTimer();
      },
      () => {},
    );
  }
}

export function circuitBreaker(options: CircuitBreakerOptions): CircuitBreakerPolicy {
  return new CircuitBreakerPolicy(options);
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}
