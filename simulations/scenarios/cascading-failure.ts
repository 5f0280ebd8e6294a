import { CircuitBreakerCore, type CircuitBreakerCoreOptions } from '../../src/resilience/circuit-breaker/index.ts';
import { sampler } from '../engine/distributions.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { recordTransitions, type BreakerTransition } from '../models/breaker-timeline.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { secondsWindow, type Fault, type TimeWindow } from '../models/fault-schedule.ts';
import { MixedTrafficMetrics, type MixedTrafficSeries } from '../models/mixed-traffic-metrics.ts';
import { ProtectedCaller } from '../models/protected-caller.ts';
import { RequestLedger, type RequestOutcome } from '../models/request-ledger.ts';
import { Service } from '../models/service.ts';
import { WorkerPool } from '../models/worker-pool.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { cascadingFailureSpec, summaryDoc } from './specs/cascading-failure.ts';

const params = cascadingFailureSpec.params;

export type CascadingFailureParams = ParamValues<typeof params>;

const BUCKET_MS = 1000;
/** A's queue: requests waiting for a worker; one more is shed. */
const A_QUEUE = 50;
/** A's own work on a request, before any call to B. */
const A_WORK = { kind: 'exponential', mean: 5 } as const;
/** B: more workers than A can ever keep busy, so B's trouble is the fault, never A's load. */
const B = { workers: 40, queueCapacity: 200, serviceTime: { kind: 'log-normal', median: 20, sigma: 0.5 } } as const;
/** Calls slower than this count as slow for the breaker. */
const SLOW_CALL_MS = 500;
/**
 * A count window of 20 calls, tripping once 10 are in and half of them
 * failed, or half were slow: without the slow-call rule a breaker cannot see
 * a dependency that answers, only late, and with no timeout such a call never
 * fails. 5 s open, 3 probes.
 */
const BREAKER: CircuitBreakerCoreOptions = {
  detection: { kind: 'count-window', windowSize: 20, minimumCalls: 10, failureRateThreshold: 50, slowCalls: { durationMs: SLOW_CALL_MS, rateThreshold: 50 } },
  openDuration: 5000,
  halfOpen: { probes: 3 },
};
/**
 * Arrivals stop at the run's length; this bounds the drain after it. Only
 * calls that can never end (B hangs and A has no timeout) are still open
 * then, and the ledger counts them as timed out.
 */
const DRAIN_LIMIT_MS = 120_000;

export interface CascadingFailureResult extends ScenarioResult {
  readonly summary: { [K in keyof typeof summaryDoc]: number };
  /** 1 s buckets over the run; see MixedTrafficSeries for the columns. */
  readonly series: MixedTrafficSeries;
  /** The breaker's state changes in order (it starts closed); empty without a breaker. */
  readonly states: readonly BreakerTransition[];
  /** B's fault, for shading; it may extend past the run. */
  readonly fault: TimeWindow;
}

function bFault(p: CascadingFailureParams): Fault {
  switch (p.faultMode) {
    case 'slow':
      return { kind: 'added-latency', ms: p.addedLatency };
    case 'errors':
      return { kind: 'error-spike', probability: 1 };
    case 'hang':
      return { kind: 'outage', mode: 'hang' };
  }
}

/**
 * A cascading failure (Nygard, "Release It!": integration points and
 * chain reactions). Service A has a fixed number of workers and serves two
 * kinds of requests: some need a call to B, the others A serves alone. When
 * B slows down or hangs, each call to B holds one of A's workers for as long
 * as B takes; soon every worker waits on B, A's queue fills, and A fails the
 * requests that never needed B as well. A timeout bounds how long a call
 * can hold a worker, a bulkhead how many workers B's calls may hold, and a
 * breaker stops calling B at all once it sees the calls fail or crawl: each
 * keeps A's own traffic flowing. Errors that come back fast do not cascade:
 * they free the worker at once.
 */
export const cascadingFailure = defineScenario({
  ...cascadingFailureSpec,
  // Load and A's workers scaled alike: the same saturation, a tenth the size.
  warmUp: (p) => ({ ...p, rate: Math.max(10, p.rate / 10), workers: Math.max(1, Math.round(p.workers / 10)) }),
  run(p, seed, options = {}): CascadingFailureResult {
    const durationMs = p.duration * 1000;
    const fault = secondsWindow(p.faultStart, p.faultDuration);

    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const metrics = new MixedTrafficMetrics(BUCKET_MS, durationMs);
    const pool = new WorkerPool(p.workers, A_QUEUE, metrics);
    const b = new Service(sim, { name: 'b', ...B, faults: [{ ...fault, fault: bFault(p) }] });
    const breaker = p.breaker ? new CircuitBreakerCore(BREAKER) : undefined;
    const states = breaker ? recordTransitions(breaker) : [];
    const callB = new ProtectedCaller(sim, {
      service: b,
      attemptTimeoutMs: p.timeout > 0 ? p.timeout : Infinity,
      breaker,
      bulkheadSize: p.bulkhead > 0 ? p.bulkhead : undefined,
      observer: { attemptSent: (now) => metrics.callSent(now), attemptEnded() {}, attemptRejected() {} },
    });
    const aWork = sampler(A_WORK, sim.streams.stream('a.work'));
    const mix = sim.streams.stream('traffic-mix');

    const arrive = () => {
      const arrivedAt = sim.now;
      const dependent = mix() < p.dependentShare;
      const request = ledger.begin();
      const end = (outcome: RequestOutcome, now: number) => {
        ledger.end(request, outcome);
        metrics.requestEnded(now, dependent, outcome, arrivedAt);
      };
      metrics.requestStarted(arrivedAt, dependent);
      const accepted = pool.submit((_, release) => {
        sim.after(aWork(), () => {
          if (!dependent) {
            release(sim.now);
            end('succeeded', sim.now);
            return;
          }
          callB.call((outcome, now) => {
            release(now);
            // B's full queue is an error answer, as far as A's client can tell; 'shed' stays A's own shedding.
            end(outcome === 'shed' ? 'failed' : outcome, now);
          });
        });
      }, arrivedAt);
      if (!accepted) end('shed', arrivedAt);
    };
    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(p.rate), untilMs: durationMs, send: arrive });

    drainAndBalance(sim, ledger, { arrivals: clients, untilMs: durationMs, maxTimeMs: durationMs + DRAIN_LIMIT_MS, fractionDone: () => sim.now / durationMs }, options);
    metrics.close();

    const before = [0, fault.startMs] as const;
    const during = [fault.startMs, fault.endMs] as const;
    return {
      summary: {
        independentGoodputBefore: metrics.mean('independentGoodput', ...before),
        independentGoodputDuring: metrics.mean('independentGoodput', ...during),
        dependentGoodputBefore: metrics.mean('dependentGoodput', ...before),
        dependentGoodputDuring: metrics.mean('dependentGoodput', ...during),
        busyWorkersBefore: metrics.mean('busyWorkers', ...before),
        busyWorkersDuring: metrics.mean('busyWorkers', ...during),
        callsToB: callB.attemptsSent,
        ...ledger.counts(),
      },
      series: metrics.series(),
      states,
      fault,
    };
  },
});
