import type { RandomSource } from '../../src/resilience/random.ts';
import type { HostPicker } from '../../src/resilience/load-balancing/index.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import { Attempt, type AttemptCaller } from './attempt.ts';
import type { LedgerEntry, RequestLedger, RequestOutcome } from './request-ledger.ts';
import type { Service } from './service.ts';

/** One request through a load balancer: one attempt at the host the balancer picked, then exactly one outcome. */
export class BalancedCall implements LedgerEntry {
  outcome: RequestOutcome | undefined = undefined;
  /** When the request ended, ms; NaN until then. */
  endedAt = NaN;
  /**
   * The host turned it away without doing any work (an outage that fails
   * fast, a full queue): what a client sees as a connection refused or a
   * 503, a gateway error to outlier detection.
   */
  refused = false;

  constructor(
    /** The host the balancer picked; -1 when it had none to offer. */
    readonly host: number,
    readonly sentAt: number,
  ) {}
}

export { balancedCallCountsDoc } from './balanced-call-counts.ts';

/** Hooks, each called at the virtual time of the event. */
export interface BalancedCallObserver {
  /** The request was handed to `call.host` (not called when the balancer had no host). */
  sent?(call: BalancedCall, now: number): void;
  /** The request ended; `call.outcome` says how, `call.endedAt − call.sentAt` how long it took. */
  ended?(call: BalancedCall, now: number): void;
}

export interface BalancedCallerOptions {
  /** One service per host, in the balancer's host order. */
  readonly services: readonly Service[];
  /** The balancer, health-aware or not, from src/resilience. */
  readonly picker: HostPicker;
  readonly ledger: RequestLedger;
  /** How long the client waits for an answer, ms; Infinity (the default) waits as long as it takes. */
  readonly timeoutMs?: number;
  readonly observer?: BalancedCallObserver;
  /** The random stream the balancer's picks draw from. */
  readonly streamName?: string;
}

/**
 * A client behind a load balancer, on virtual time: each request asks the
 * real balancer for a host, tells it when the request starts and ends (so
 * the balancers that watch load and latency see exactly what they would in
 * production), and ends once in the ledger: succeeded or failed as the host
 * answered, failed when refused by an outage, shed by a full queue, timed out
 * when no answer came in time, rejected when the balancer had no host at all.
 * No retries: what the balancer alone does is the point.
 */
export class BalancedCaller implements AttemptCaller<BalancedCall>, EventHandler<Attempt<BalancedCall>> {
  private readonly services: readonly Service[];
  private readonly picker: HostPicker;
  private readonly ledger: RequestLedger;
  private readonly timeoutMs: number;
  private readonly observer: BalancedCallObserver;
  private readonly random: RandomSource;
  /** Every attempt's timeout comes a fixed delay after its send, so they come due in the order they are set: a lane of the agenda. */
  private readonly timeouts: number;

  constructor(
    private readonly sim: Simulation,
    options: BalancedCallerOptions,
  ) {
    const { timeoutMs = Infinity } = options;
    if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be > 0, got ${timeoutMs}`);
    this.services = options.services;
    this.picker = options.picker;
    this.ledger = options.ledger;
    this.timeoutMs = timeoutMs;
    this.observer = options.observer ?? {};
    this.random = sim.streams.stream(options.streamName ?? 'balancer');
    this.timeouts = sim.newLane();
  }

  /** Starts a request now, with `key` for the consistent-hashing balancers. */
  call(key?: string | number): BalancedCall {
    const now = this.sim.now;
    const host = this.picker.pick(now, this.random, key);
    const call = new BalancedCall(host, now);
    this.ledger.start(call);
    if (host < 0) {
      this.end(call, 'rejected', now);
      return call;
    }
    if (host >= this.services.length) throw new RangeError(`the balancer picked host ${host}, but there are ${this.services.length} services`);
    this.picker.onStart(host, now);
    this.observer.sent?.(call, now);
    const attempt = new Attempt(this, call);
    const admission = this.services[host].submit(attempt, now);
    if (admission !== 'accepted') {
      attempt.settled = true;
      call.refused = true;
      this.picker.onEnd(host, now, 0, false);
      this.end(call, admission === 'shed' ? 'shed' : 'failed', now);
      return call;
    }
    if (this.timeoutMs !== Infinity) this.sim.scheduleInLane(this.timeouts, now + this.timeoutMs, this, 0, attempt);
    return call;
  }

  /** An attempt's timeout is up: the agenda calls back here rather than a closure made per attempt. */
  handleEvent(_kind: number, attempt: Attempt<BalancedCall>): void {
    this.timeUp(attempt);
  }

  /** The service's answer. */
  answered(attempt: Attempt<BalancedCall>, ok: boolean, now: number): void {
    if (attempt.settled) return;
    attempt.settled = true;
    const call = attempt.request;
    this.picker.onEnd(call.host, now, now - call.sentAt, ok);
    this.end(call, ok ? 'succeeded' : 'failed', now);
  }

  private timeUp(attempt: Attempt<BalancedCall>): void {
    if (attempt.settled) return;
    attempt.settled = true;
    const call = attempt.request;
    const now = this.sim.now;
    this.services[call.host].abandon(attempt, now);
    // The balancer learns of the timeout as a slow failure: exactly what a peak-EWMA cost should see.
    this.picker.onEnd(call.host, now, now - call.sentAt, false);
    this.end(call, 'timedOut', now);
  }

  private end(call: BalancedCall, outcome: RequestOutcome, now: number): void {
    call.endedAt = now;
    this.ledger.end(call, outcome);
    this.observer.ended?.(call, now);
  }
}
