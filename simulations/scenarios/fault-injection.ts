import { quantileOf } from '../engine/select-quantile.ts';
import { attemptSucceeded, exponentialBackoff, InjectionCore, neverAborted, RetryCore } from '../../src/resilience/index.ts';
import { booleanParam, enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { sampler, type Distribution } from '../engine/distributions.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

const injectorKinds = ['fault', 'outcome', 'latency', 'behavior'] as const;
export type InjectorKind = (typeof injectorKinds)[number];

const params = {
  injector: enumParam({
    label: 'Injector',
    default: 'fault',
    options: injectorKinds,
    optionLabels: {
      fault: 'fault (throws)',
      outcome: 'outcome (returns a fake 503)',
      latency: 'latency (waits, then calls)',
      behavior: 'behaviour (a side effect, then calls)',
    },
    help: 'Which of the four chaos injectors (Polly: AddChaosFault, AddChaosOutcome, AddChaosLatency, AddChaosBehavior) wraps the call.',
  }),
  injectionRate: numberParam({
    label: 'Injection rate',
    default: 0.2,
    min: 0,
    max: 1,
    step: 0.01,
    help: 'Probability that the injector acts on one execution of it.',
  }),
  injectedLatency: intParam({
    label: 'Injected latency',
    unit: 'ms',
    default: 1000,
    min: 10,
    max: 10_000,
    step: 10,
    scale: 'log',
    help: 'For the latency injector: how long it waits before the call.',
    appliesWhen: { injector: ['latency'] },
  }),
  behaviorMs: intParam({
    label: 'Side effect takes',
    unit: 'ms',
    default: 100,
    min: 0,
    max: 5000,
    step: 10,
    help: 'For the behaviour injector: the side effect here drops the connection, so the call first reconnects, which takes this long.',
    appliesWhen: { injector: ['behavior'] },
  }),
  position: enumParam({
    label: 'Injector position',
    default: 'inside',
    options: ['inside', 'outside'],
    optionLabels: { inside: 'innermost (per attempt)', outside: 'outermost (per call)' },
    help: 'Innermost, as Polly advises, the retry and the timeout see the injected fault as they would a real one; outermost, the injector acts once per call, before they run.',
  }),
  retry: booleanParam({ label: 'Retry', default: true, help: 'Up to 3 attempts, capped exponential backoff with full jitter (base 50 ms, cap 1 s).' }),
  timeout: booleanParam({ label: 'Timeout', default: true, help: 'A timeout on each attempt.' }),
  timeoutMs: intParam({ label: 'Attempt timeout', unit: 'ms', default: 250, min: 10, max: 5000, step: 10, scale: 'log', appliesWhen: { timeout: [true] } }),
  serviceTime: intParam({
    label: 'Service time',
    unit: 'ms',
    default: 40,
    min: 1,
    max: 2000,
    step: 1,
    scale: 'log',
    help: 'Median time the service takes to answer (log-normal, sigma 0.5).',
  }),
  serviceErrors: numberParam({
    label: 'Service error rate',
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'Failures of the real service, besides the injected ones.',
  }),
  calls: intParam({ label: 'Calls', default: 2000, min: 100, max: 20_000, step: 100, scale: 'log' }),
};

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
  name: 'fault-injection',
  title: 'Fault injection on one call path',
  description:
    'What each chaos injector (fault, outcome, latency, behaviour) does to calls through a pipeline with or without a retry and a timeout: the rate it acts at, what the caller gets, and how long it waits.',
  params,
  summaryDoc: {
    calls: 'calls made',
    decisions: 'times the injector decided whether to act',
    injections: 'times it acted',
    observedRate: 'injections / decisions',
    callsInjected: 'share of calls the injector acted on at least once',
    succeeded: 'share of calls that got a real answer',
    injectedFault: 'share of calls that failed with the injected fault',
    injectedOutcome: 'share of calls that got the injected fake result',
    timedOut: 'share of calls whose last attempt timed out',
    serviceError: 'share of calls whose last attempt got a real service error',
    attemptsPerCall: 'attempts per call, retries included',
    p50: 'median call latency, ms',
    p99: '99th percentile of call latency, ms',
    maxLatency: 'longest call, ms',
  },
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
