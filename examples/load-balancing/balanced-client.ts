import type { Clock, HealthAwareBalancer, OutlierDetector, OutlierEvent, Policy, RandomSource } from '../../src/resilience/index.ts';
import { classifyHttpOutcome } from '../shared/http-outcome.ts';
import { httpGet } from '../shared/http-get.ts';

/** One request as the client saw it. */
export interface BalancedRequest {
  readonly index: number;
  /** The backend it went to; -1 when the balancer had none to offer. */
  readonly backend: number;
  readonly latencyMs: number;
  /** The error's name when it failed. */
  readonly error?: string;
}

export interface BalancedClientOptions {
  /** One URL per backend, in the balancer's host order. */
  readonly urls: readonly string[];
  readonly picker: HealthAwareBalancer;
  /** Passive health checking fed by the responses; none when absent. */
  readonly detector?: OutlierDetector;
  /** Wraps every request (a timeout, say). */
  readonly policy: Policy;
  readonly random: RandomSource;
  readonly clock: Clock;
  /** Clock time that the balancer's and the detector's `now` count from. */
  readonly startedAt: number;
  /** Every outlier event, as it happens. */
  readonly onOutlierEvent?: (event: OutlierEvent) => void;
}

/**
 * A client-side balancer on the real clock: before each request it asks the
 * balancer for a backend, tells it when the request starts and ends (the
 * load- and latency-aware algorithms need both), and reports each outcome
 * to outlier detection, whose ejections take the backend out of the
 * balancer's rotation and whose sweeps bring it back.
 *
 * Sweeps run when a request finds one due rather than on a timer of their
 * own: requests come often enough here, and an idle client has nothing to
 * balance anyway.
 */
export class BalancedClient {
  constructor(private readonly o: BalancedClientOptions) {}

  private now(): number {
    return this.o.clock.now() - this.o.startedAt;
  }

  async send(index: number, signal: AbortSignal): Promise<BalancedRequest> {
    const { picker, detector } = this.o;
    const start = this.now();
    if (detector && start >= detector.nextSweepAt()) for (const e of detector.sweep(start)) this.apply(e);
    const backend = picker.pick(start, this.o.random);
    if (backend < 0) return { index, backend, latencyMs: 0, error: 'NoBackendError' };
    picker.onStart(backend, start);
    let error: unknown;
    try {
      await this.o.policy.execute(({ signal: s }) => httpGet(this.o.urls[backend], s), signal);
    } catch (e) {
      error = e;
    }
    const end = this.now();
    picker.onEnd(backend, end, end - start, error === undefined);
    // A request the run itself cut short says nothing about the backend.
    if (detector && !signal.aborted) {
      const event = detector.onResult(backend, end, classifyHttpOutcome(error));
      if (event) this.apply(event);
    }
    return { index, backend, latencyMs: end - start, error: error === undefined ? undefined : error instanceof Error ? error.name : typeof error };
  }

  private apply(event: OutlierEvent): void {
    if (event.kind === 'ejected') this.o.picker.setFailed(event.host, 'outlier', true, event.at);
    else if (event.kind === 'unejected') this.o.picker.setFailed(event.host, 'outlier', false, event.at);
    this.o.onOutlierEvent?.(event);
  }
}
