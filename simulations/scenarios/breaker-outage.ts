import { brookerBackoff, RetryCore } from '../../src/resilience/index.ts';
import { CircuitBreakerCore, type CircuitBreakerCoreOptions } from '../../src/resilience/circuit-breaker/index.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { recordTransitions, type BreakerTransition } from '../models/breaker-timeline.ts';
import { CallerMetrics, type CallerSeries } from '../models/caller-metrics.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { secondsWindow, type FaultWindow, type TimeWindow } from '../models/fault-schedule.ts';
import { ProtectedCaller } from '../models/protected-caller.ts';
import { RequestLedger } from '../models/request-ledger.ts';
import { Service } from '../models/service.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { breakerOutageSpec, summaryDoc } from './specs/breaker-outage.ts';

const params = breakerOutageSpec.params;

export type BreakerOutageParams = ParamValues<typeof params>;

/** 500 ms: fine enough for a replay to show a trip within a second, coarse enough for steady rates. */
const BUCKET_MS = 500;
/** The dependency: enough workers that only the outage, never the load, makes it fail. */
const DEPENDENCY = { workers: 64, queueCapacity: 200, serviceTime: { kind: 'log-normal', median: 20, sigma: 0.5 } } as const;
const BACKOFF = { baseMs: 100, capMs: 2000 };

export interface BreakerOutageResult extends ScenarioResult {
  readonly summary: { [K in keyof typeof summaryDoc]: number };
  /** 500 ms buckets over the run; see CallerSeries for the columns. */
  readonly series: CallerSeries;
  /** The breaker's state changes in order (it starts closed); empty without a breaker. */
  readonly states: readonly BreakerTransition[];
  /** The outage, for shading; it may extend past the run. */
  readonly outage: TimeWindow;
}

/** The breaker the params describe (resilience4j's rules: trip at >= threshold once the minimum is reached). */
export function breakerOptions(p: BreakerOutageParams): CircuitBreakerCoreOptions {
  const rule = { minimumCalls: p.minimumCalls, failureRateThreshold: p.failureRateThreshold };
  return {
    detection:
      p.window === 'count' ? { kind: 'count-window', windowSize: p.windowSize, ...rule } : { kind: 'time-window', windowMs: p.windowDuration * 1000, ...rule },
    openDuration: p.openDuration,
    halfOpen: { probes: p.halfOpenProbes },
  };
}

function outageFault(mode: BreakerOutageParams['outageMode'], startMs: number, endMs: number): FaultWindow {
  // 'errors': the dependency answers every call with an error after its usual work; 'hang': it never answers.
  const fault = mode === 'errors' ? ({ kind: 'error-spike', probability: 1 } as const) : ({ kind: 'outage', mode: 'hang' } as const);
  return { startMs, endMs, fault };
}

/**
 * Callers with a per-attempt timeout and retries (full jitter) call a
 * dependency that fails for a while, with or without a circuit breaker
 * between them. Without one, every request keeps hitting the dead dependency,
 * each retry included, and in a hang each attempt costs the caller its whole
 * timeout. With one, a few failures trip it, and from then on callers are
 * refused at once while the dependency sees only the half-open probes; the
 * price is recovery: after the outage ends, callers keep being refused until
 * the open wait is over and the probes succeed.
 */
export const breakerOutage = defineScenario({
  ...breakerOutageSpec,
  run(p, seed, options = {}): BreakerOutageResult {
    const durationMs = p.duration * 1000;
    const outage = secondsWindow(p.outageStart, p.outageDuration);

    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const metrics = new CallerMetrics(BUCKET_MS, durationMs);
    const service = new Service(sim, { name: 'dependency', ...DEPENDENCY, faults: [outageFault(p.outageMode, outage.startMs, outage.endMs)] });
    const breaker = p.breaker ? new CircuitBreakerCore(breakerOptions(p)) : undefined;
    const states = breaker ? recordTransitions(breaker) : [];
    const retry = p.retries > 0 ? new RetryCore({ maxAttempts: p.retries + 1, backoff: brookerBackoff('full', BACKOFF) }) : undefined;
    const caller = new ProtectedCaller(sim, { service, retry, breaker, attemptTimeoutMs: p.timeout, observer: metrics });

    let recoveredAt = -1;
    const send = () => {
      const startedAt = sim.now;
      const request = ledger.begin();
      metrics.requestStarted(startedAt);
      caller.call((outcome, now) => {
        ledger.end(request, outcome);
        metrics.requestEnded(now, outcome, startedAt);
        // The caller reports to the breaker before ending the call, so a probe that closed it reads closed here.
        if (outcome === 'succeeded' && recoveredAt < 0 && now >= outage.endMs && (!breaker || breaker.state === 'closed')) recoveredAt = now;
      });
    };
    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(p.rate), untilMs: durationMs, send });

    // After the last arrival, a request ends within its attempts' timeouts and backoffs.
    const drainMs = (p.retries + 1) * (p.timeout + BACKOFF.capMs);
    drainAndBalance(sim, ledger, { arrivals: clients, untilMs: durationMs, maxTimeMs: durationMs + drainMs, fractionDone: () => sim.now / durationMs }, options);

    const counts = ledger.counts();
    const firstTrip = states.find((s) => s.event === 'trip' && s.t >= outage.startMs);
    const [callerLatencyP50, callerLatencyP99] = metrics.latencyQuantiles([0.5, 0.99]);
    return {
      summary: {
        callsDuringOutage: metrics.attemptsSentBetween(outage.startMs, outage.endMs),
        detectionTime: firstTrip && p.outageDuration > 0 ? firstTrip.t - outage.startMs : -1,
        recoveryTime: recoveredAt < 0 ? -1 : recoveredAt - outage.endMs,
        callerErrors: counts.requests - counts.succeeded,
        callerLatencyP50,
        callerLatencyP99,
        dependencyCalls: caller.attemptsSent,
        timesOpened: states.filter((s) => s.to === 'open').length,
        ...counts,
      },
      series: metrics.series(),
      states,
      outage,
    };
  },
});
