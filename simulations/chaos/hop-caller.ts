import { attemptSucceeded, BulkheadCore, type AttemptFailure, type CircuitBreakerCore, type Permit, type RandomSource, type RetryCore, type RetryState } from '../../src/resilience/index.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import type { RequestOutcome } from '../models/request-ledger.ts';
import type { JobState } from '../models/service.ts';
import type { RoutedJob, Target } from './target.ts';

/** The defences of one hop (one caller → callee edge of the call graph), each optional. */
export interface HopDefences {
  /** Per-attempt timeout, ms. */
  readonly timeoutMs?: number;
  /** Retries (with their backoff and budget), outside the breaker. */
  readonly retry?: RetryCore;
  readonly breaker?: CircuitBreakerCore;
  /** At most this many attempts in flight at once; one more is refused at once. */
  readonly bulkheadSize?: number;
  /** A failed call is answered from a fallback (a cache, a default) instead. */
  readonly fallback?: boolean;
}

/** Who waits for a call on a hop: an object rather than a closure, so that a request's calls allocate none. */
export interface HopListener {
  /** How the call ended; `degraded` when the fallback answered it. Called exactly once. */
  hopEnded(outcome: RequestOutcome, now: number, degraded: boolean): void;
}

class Call {
  retryState: RetryState | undefined = undefined;
  constructor(readonly listener: HopListener) {}
}

class Attempt implements RoutedJob {
  arrivedAt = NaN;
  startedAt = NaN;
  state: JobState = 'new';
  host: Target | undefined = undefined;
  ownWork: RoutedJob | undefined = undefined;
  settled = false;

  constructor(
    private readonly hop: HopCaller,
    readonly call: Call,
    readonly permit: Permit | undefined,
  ) {}

  respond(ok: boolean, now: number): void {
    if (!this.settled) this.hop.settle(this, ok ? 'succeeded' : 'failed', now);
  }
}

const failures: Readonly<Record<Exclude<RequestOutcome, 'succeeded' | 'rejected'>, AttemptFailure>> = {
  failed: Object.freeze({ ok: false }),
  shed: Object.freeze({ ok: false }),
  timedOut: Object.freeze({ ok: false, timedOut: true }),
};

/**
 * Calls along one hop on virtual time, through the real cores of
 * src/resilience, outermost first: fallback, retry, circuit breaker,
 * bulkhead, per-attempt timeout, then the target. The order and the
 * accounting are those of simulations/models/protected-caller.ts (a
 * rejection ends the call without a retry; a bulkhead refusal hands the
 * breaker's permit back uncounted), over a `Target` instead of one service
 * so that a hop can reach a group of hosts or a service that calls another.
 */
export class HopCaller implements EventHandler<Attempt | Call> {
  attemptsSent = 0;
  /** Calls the fallback answered. */
  fallbacks = 0;
  private readonly timeoutMs: number;
  private readonly bulkhead: BulkheadCore<never> | undefined;
  private readonly random: RandomSource;
  private breakerTimerAt: number | undefined = undefined;
  /** Every attempt's timeout comes the hop's fixed timeout after its send, so they come due in the order they are set: a lane of the agenda. */
  private readonly timeouts: number;

  constructor(
    private readonly sim: Simulation,
    private readonly target: Target,
    private readonly defences: HopDefences,
    streamName: string,
  ) {
    this.timeoutMs = defences.timeoutMs ?? Infinity;
    if (!(this.timeoutMs > 0)) throw new RangeError(`timeoutMs must be > 0, got ${this.timeoutMs}`);
    this.bulkhead = defences.bulkheadSize === undefined ? undefined : new BulkheadCore<never>({ maxConcurrent: defences.bulkheadSize });
    this.random = sim.streams.stream(streamName);
    this.timeouts = sim.newLane();
  }

  /** Starts a call now; `listener` hears how it ended, exactly once. */
  call(listener: HopListener): void {
    const call = new Call(listener);
    if (this.defences.retry) call.retryState = this.defences.retry.begin(this.sim.now);
    this.send(call);
  }

  private send(call: Call): void {
    const now = this.sim.now;
    const breaker = this.defences.breaker;
    let permit: Permit | undefined;
    if (breaker) {
      const acquired = breaker.tryAcquire(now);
      this.syncBreakerTimer();
      if (!acquired.permitted) return this.end(call, 'rejected', now);
      permit = acquired;
    }
    if (this.bulkhead && !this.bulkhead.tryEnter()) {
      if (permit) {
        breaker!.onIgnored(now, permit);
        this.syncBreakerTimer();
      }
      return this.end(call, 'rejected', now);
    }
    const attempt = new Attempt(this, call, permit);
    this.attemptsSent++;
    const admission = this.target.submit(attempt, now);
    if (admission !== 'accepted') return this.settle(attempt, admission === 'shed' ? 'shed' : 'failed', now);
    if (this.timeoutMs !== Infinity) this.sim.scheduleInLane(this.timeouts, now + this.timeoutMs, this, 0, attempt);
  }

  /** The agenda calls back here, rather than a closure made per attempt: an attempt's timeout is up, or a call's retry is due. */
  handleEvent(_kind: number, subject: Attempt | Call): void {
    if (subject instanceof Attempt) this.timeUp(subject);
    else this.send(subject);
  }

  private timeUp(attempt: Attempt): void {
    if (attempt.settled) return;
    const now = this.sim.now;
    this.target.abandon(attempt, now);
    this.settle(attempt, 'timedOut', now);
  }

  settle(attempt: Attempt, ending: Exclude<RequestOutcome, 'rejected'>, now: number): void {
    attempt.settled = true;
    this.bulkhead?.leave();
    const { permit, call } = attempt;
    const { breaker, retry } = this.defences;
    if (permit) {
      const durationMs = now - attempt.arrivedAt;
      if (ending === 'succeeded') breaker!.onSuccess(now, durationMs, permit);
      else breaker!.onFailure(now, durationMs, permit);
      this.syncBreakerTimer();
    }
    if (ending === 'succeeded') {
      retry?.decide(call.retryState!, attemptSucceeded, now, this.random);
      return this.end(call, 'succeeded', now);
    }
    const decision = retry?.decide(call.retryState!, failures[ending], now, this.random);
    if (decision?.retry) this.sim.schedule(this.sim.now + decision.delayMs, this, 0, call);
    else this.end(call, decision?.reason === 'budget' ? 'rejected' : ending, now);
  }

  private end(call: Call, outcome: RequestOutcome, now: number): void {
    if (outcome !== 'succeeded' && this.defences.fallback) {
      this.fallbacks++;
      call.listener.hopEnded('succeeded', now, true);
    } else call.listener.hopEnded(outcome, now, false);
  }

  /** One agenda entry aimed at the breaker's next change of state by itself, as protected-caller.ts keeps. */
  private syncBreakerTimer(): void {
    const breaker = this.defences.breaker!;
    const at = breaker.nextTimerAt();
    if (at === this.breakerTimerAt) return;
    this.breakerTimerAt = at;
    if (at === undefined) return;
    this.sim.at(Math.max(at, this.sim.now), () => {
      if (this.breakerTimerAt !== at) return;
      this.breakerTimerAt = undefined;
      breaker.advance(this.sim.now);
      this.syncBreakerTimer();
    });
  }
}
