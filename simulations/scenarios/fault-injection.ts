import { quantileOf } from '../engine/select-quantile.ts';
import { attemptSucceeded, exponentialBackoff, InjectionCore, neverAborted, RetryCore } from '../../src/resilience/index.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { sampler, type Distribution } from '../engine/distributions.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { faultInjectionSpec } from './specs/fault-injection.ts';
export { type InjectorKind } from './specs/fault-injection.ts';

const params = faultInjectionSpec.params;

export type FaultInjectionParams = ParamValues<typeof params>;

/** How a call ended, as its caller saw it. */
export const callEndings = ['succeeded', 'injected-fault', 'injected-outcome', 'timed-out', 'service-error'] as const;
export type CallEnding = (typeof callEndings)[number];

/** The pipeline's retry: attempts in all, and the backoff between them. */
export const playgroundRetry = { maxAttempts: 3, backoff: { baseMs: 50, factor: 2, capMs: 1000, jitter: 'full' } } as const;

/** The service's time per attempt: log-normal around the chosen median. */
export function serviceTimeOf(p: FaultInjectionParams): Distribution {
  return { kind: 'log-normal', median: p.serviceTime, sigma: 0.5 };
}
/** Percentiles the latency curve is reported at: 1, 2, ..., 100. */
const PERCENTILES = Array.from({ length: 100 }, (_, i) => i + 1);

export interface FaultInjectionResult extends ScenarioResult {
  readonly summary: {
    calls: number;
    /** Times the injector was asked (once per attempt innermost, once per call outermost). */
    decisions: number;
    injections: number;
    /** injections / decisions: what the injector actually did, against its rate. */
    observedRate: number;
    /** Share of calls in which the injector acted at least once. */
    callsInjected: number;
    /** Share of calls per ending. */
    succeeded: number;
    injectedFault: number;
    injectedOutcome: number;
    timedOut: number;
    serviceError: number;
    attemptsPerCall: number;
    p50: number;
    p99: number;
    maxLatency: number;
  };
  /** Call latency (ms) at each of PERCENTILES. */
  readonly latencyPercentiles: { readonly p: readonly number[]; readonly ms: readonly number[] };
}

interface AttemptEnd {
  readonly kind: 'ok' | 'fault' | 'outcome' | 'timed-out' | 'error';
  readonly ms: number;
}

/**
 * One call path, call after call: a caller, a pipeline (retry, then a
 * per-attempt timeout, then the chaos injector when innermost; the injector
 * first when outermost) and a service. What the injector does is decided by
 * the injectors' own core (`InjectionCore` from src/resilience/chaos: the
 * enable switch, then one draw against the rate) and applied with the
 * executors' semantics: a fault rejects without calling, an outcome resolves
 * with a fake result without calling (a retry sees a success), a latency
 * waits and an enclosing timeout cuts the wait short, a behaviour runs its
 * side effect and then calls. The retry is the real RetryCore. Each call
 * runs on its own virtual clock; nothing waits in real time.
 */
export const faultInjection = defineScenario({
  ...faultInjectionSpec,
  run(p, seed): FaultInjectionResult {
    const streams = new RandomStreams(seed);
    const injectionRandom = streams.stream('injection');
    const serviceRandom = streams.stream('service');
    const serviceTime = sampler(serviceTimeOf(p), serviceRandom);
    const backoffRandom = streams.stream('backoff');
    const core = new InjectionCore({ injectionRate: p.injectionRate });
    const retry = p.retry ? new RetryCore({ maxAttempts: playgroundRetry.maxAttempts, backoff: exponentialBackoff(playgroundRetry.backoff) }) : undefined;
    const timeoutMs = p.timeout ? p.timeoutMs : Infinity;

    let decisions = 0;
    let injections = 0;
    let callsInjected = 0;
    let attempts = 0;
    const endings: Record<CallEnding, number> = { succeeded: 0, 'injected-fault': 0, 'injected-outcome': 0, 'timed-out': 0, 'service-error': 0 };
    const latencies = new Float64Array(p.calls);

    const inject = (attempt: number): boolean => {
      decisions++;
      const yes = core.shouldInject({ signal: neverAborted, attempt }, injectionRandom);
      if (yes) injections++;
      return yes;
    };

    /** One attempt through the timeout (and the injector, when innermost); its end and how long it took. */
    const attemptOnce = (attempt: number, injectorHere: boolean): AttemptEnd => {
      attempts++;
      // The service's draws are made for every attempt, whether it runs or not, so
      // that two settings on the same seed see the same service.
      const work = serviceTime();
      const fails = serviceRandom() < p.serviceErrors;
      let before = 0;
      if (injectorHere && inject(attempt)) {
        if (p.injector === 'fault') return { kind: 'fault', ms: 0 };
        if (p.injector === 'outcome') return { kind: 'outcome', ms: 0 };
        before = p.injector === 'latency' ? p.injectedLatency : p.behaviorMs;
      }
      const total = before + work;
      if (total > timeoutMs) return { kind: 'timed-out', ms: timeoutMs };
      return { kind: fails ? 'error' : 'ok', ms: total };
    };

    for (let c = 0; c < p.calls; c++) {
      const injectionsBefore = injections;
      let t = 0;
      let ending: CallEnding | undefined;
      if (p.position === 'outside' && inject(1)) {
        if (p.injector === 'fault') ending = 'injected-fault';
        else if (p.injector === 'outcome') ending = 'injected-outcome';
        else t += p.injector === 'latency' ? p.injectedLatency : p.behaviorMs;
      }
      if (ending === undefined) {
        const state = retry?.begin(t);
        let attempt = 1;
        for (;;) {
          const end = attemptOnce(attempt, p.position === 'inside');
          t += end.ms;
          if (end.kind === 'ok') {
            if (retry) retry.decide(state!, attemptSucceeded, t, backoffRandom);
            ending = 'succeeded';
            break;
          }
          // An injected outcome resolves: to the retry it is a success like any other.
          if (end.kind === 'outcome') {
            if (retry) retry.decide(state!, attemptSucceeded, t, backoffRandom);
            ending = 'injected-outcome';
            break;
          }
          const failed: CallEnding = end.kind === 'fault' ? 'injected-fault' : end.kind === 'timed-out' ? 'timed-out' : 'service-error';
          const decision = retry?.decide(state!, { ok: false, timedOut: end.kind === 'timed-out' }, t, backoffRandom);
          if (!decision?.retry) {
            ending = failed;
            break;
          }
          t += decision.delayMs;
          attempt = decision.attempt;
        }
      }
      endings[ending]++;
      if (injections > injectionsBefore) callsInjected++;
      latencies[c] = t;
    }

    const sorted = latencies.slice().sort();
    const at = (q: number) => quantileOf(sorted, q) ?? 0;
    const share = (k: CallEnding) => endings[k] / p.calls;
    return {
      summary: {
        calls: p.calls,
        decisions,
        injections,
        observedRate: decisions > 0 ? injections / decisions : 0,
        callsInjected: callsInjected / p.calls,
        succeeded: share('succeeded'),
        injectedFault: share('injected-fault'),
        injectedOutcome: share('injected-outcome'),
        timedOut: share('timed-out'),
        serviceError: share('service-error'),
        attemptsPerCall: attempts / p.calls,
        p50: at(0.5),
        p99: at(0.99),
        maxLatency: sorted[sorted.length - 1] ?? 0,
      },
      latencyPercentiles: { p: PERCENTILES, ms: PERCENTILES.map((x) => at(x / 100)) },
    };
  },
});
