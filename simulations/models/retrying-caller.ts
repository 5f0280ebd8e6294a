import { attemptSucceeded, type AttemptFailure, type RandomSource, type RetryCore, type RetryState } from '../../src/resilience/index.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import { Attempt, type AttemptCaller } from './attempt.ts';
import type { LedgerEntry, RequestLedger, RequestOutcome } from './request-ledger.ts';
import type { Job, Service } from './service.ts';
import type { TrafficMetrics } from './traffic-metrics.ts';

/** One request of a client: one or more attempts, then exactly one outcome. */
export class SimRequest implements LedgerEntry {
  outcome: RequestOutcome | undefined = undefined;
  endedAt = NaN;
  attempts = 0;
  /** The latest attempt: its times say how long it waited in the service's queue. */
  lastAttempt: Job | undefined = undefined;
  retryState: RetryState | undefined = undefined;

  constructor(
    readonly startedAt: number,
    readonly onEnd: ((request: SimRequest) => void) | undefined,
  ) {}
}

export interface RetryingCallerOptions {
  readonly service: Service;
  readonly ledger: RequestLedger;
  /** How long the client waits for each attempt, ms; Infinity (the default) waits as long as it takes. */
  readonly attemptTimeoutMs?: number;
  /** The retry decisions, from src/resilience; without it each request makes one attempt. */
  readonly retry?: RetryCore;
  readonly metrics?: TrafficMetrics;
  /** The random stream the retry decisions (jitter, adaptive budgets) draw from. */
  readonly streamName?: string;
}

const errorFailure: AttemptFailure = Object.freeze({ ok: false });
const timeoutFailure: AttemptFailure = Object.freeze({ ok: false, timedOut: true });

/**
 * A client's calls to a service on virtual time: each attempt has a timeout;
 * after a failed one, the real RetryCore (with its backoff and budget)
 * decides, on the simulation's `now` and a named random stream, whether and
 * when another attempt follows. Every request ends once in the ledger:
 * succeeded; rejected when the retry budget refused the retry it needed;
 * otherwise as its last attempt ended (failed, shed, timedOut).
 */
export class RetryingCaller implements AttemptCaller<SimRequest>, EventHandler<Attempt<SimRequest> | SimRequest> {
  /** Attempts sent so far, retries included. */
  attemptsSent = 0;
  private readonly service: Service;
  private readonly ledger: RequestLedger;
  private readonly timeoutMs: number;
  private readonly retry: RetryCore | undefined;
  private readonly metrics: TrafficMetrics | undefined;
  private readonly random: RandomSource;
  /** Every attempt's timeout comes a fixed delay after its send, so they come due in the order they are set: a lane of the agenda. */
  private readonly timeouts: number;
  /**
   * Retries wait in a lane too: with no backoff (or a constant one) they come
   * due in the order they are set, as a storm's instant retries of shed
   * attempts do; one due before the lane's latest goes to the heap as before.
   */
  private readonly retries: number;

  constructor(
    private readonly sim: Simulation,
    options: RetryingCallerOptions,
  ) {
    const { attemptTimeoutMs = Infinity } = options;
    if (!(attemptTimeoutMs > 0)) throw new RangeError(`attemptTimeoutMs must be > 0, got ${attemptTimeoutMs}`);
    this.service = options.service;
    this.ledger = options.ledger;
    this.timeoutMs = attemptTimeoutMs;
    this.retry = options.retry;
    this.metrics = options.metrics;
    this.random = sim.streams.stream(options.streamName ?? 'retry');
    this.timeouts = sim.newLane();
    this.retries = sim.newLane();
  }

  /** Starts a request now; `onEnd` is called once, when it has ended. */
  call(onEnd?: (request: SimRequest) => void): SimRequest {
    const now = this.sim.now;
    const request = new SimRequest(now, onEnd);
    this.ledger.start(request);
    this.metrics?.requestStarted(now);
    if (this.retry) request.retryState = this.retry.begin(now);
    this.send(request);
    return request;
  }

  private send(request: SimRequest): void {
    const now = this.sim.now;
    const attempt = new Attempt(this, request);
    request.attempts++;
    this.attemptsSent++;
    request.lastAttempt = attempt;
    this.metrics?.attemptSent(now);
    const admission = this.service.submit(attempt, now);
    if (admission !== 'accepted') {
      attempt.settled = true;
      this.metrics?.attemptFailed(now);
      this.afterFailure(request, admission === 'shed' ? 'shed' : 'failed', errorFailure);
      return;
    }
    if (this.timeoutMs !== Infinity) this.sim.scheduleInLane(this.timeouts, now + this.timeoutMs, this, 0, attempt);
  }

  /**
   * The agenda calls back here, rather than a closure made per attempt: an
   * attempt's timeout is up, or a request's retry is due.
   */
  handleEvent(_kind: number, subject: Attempt<SimRequest> | SimRequest): void {
    if (subject instanceof Attempt) this.timeUp(subject);
    else this.send(subject);
  }

  /** The service's answer to `attempt`. */
  answered(attempt: Attempt<SimRequest>, ok: boolean, now: number): void {
    if (attempt.settled) return;
    attempt.settled = true;
    const request = attempt.request;
    if (ok) {
      // The decision is still asked for, so that a budget hears of the success.
      if (this.retry) this.retry.decide(request.retryState!, attemptSucceeded, now, this.random);
      this.metrics?.requestSucceeded(now);
      this.end(request, 'succeeded');
    } else {
      this.metrics?.attemptFailed(now);
      this.afterFailure(request, 'failed', errorFailure);
    }
  }

  private timeUp(attempt: Attempt<SimRequest>): void {
    if (attempt.settled) return;
    attempt.settled = true;
    const now = this.sim.now;
    this.service.abandon(attempt, now);
    this.metrics?.attemptTimedOut(now);
    this.afterFailure(attempt.request, 'timedOut', timeoutFailure);
  }

  private afterFailure(request: SimRequest, ending: RequestOutcome, failure: AttemptFailure): void {
    if (!this.retry) {
      this.end(request, ending);
      return;
    }
    const decision = this.retry.decide(request.retryState!, failure, this.sim.now, this.random);
    if (decision.retry) {
      // Even a zero wait goes through the agenda, so a burst of instant
      // refusals never recurses and ties keep their scheduling order.
      this.sim.scheduleInLane(this.retries, this.sim.now + decision.delayMs, this, 0, request);
    } else {
      this.end(request, decision.reason === 'budget' ? 'rejected' : ending);
    }
  }

  private end(request: SimRequest, outcome: RequestOutcome): void {
    request.endedAt = this.sim.now;
    this.ledger.end(request, outcome);
    request.onEnd?.(request);
  }
}
