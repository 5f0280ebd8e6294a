import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { FaultInjectionResult } from '../fault-injection.ts';

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

/** The `fault-injection` scenario without its run code (`../fault-injection.ts`): what a page needs to build its runs. */
export const faultInjectionSpec: ScenarioSpec<typeof params, FaultInjectionResult> = {
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
};
