import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import { defendedHops, simulatedTargets } from '../../chaos/system-names.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { ChaosExperimentResult } from '../chaos-experiment.ts';

const params = {
  target: enumParam({
    label: 'Target',
    default: 'b',
    options: simulatedTargets,
    optionLabels: { a: 'service A', b: 'service B', store: 'the store (behind B)' },
    help: 'The service the faults go into.',
  }),
  fault: enumParam({
    label: 'Fault',
    default: 'latency',
    options: ['latency', 'errors', 'resets', 'capacity-drop'],
    optionLabels: { latency: 'added latency', errors: 'errors', resets: 'connection resets', 'capacity-drop': 'capacity drop' },
  }),
  addedLatency: intParam({
    label: 'Added latency',
    unit: 'ms',
    default: 300,
    min: 10,
    max: 5000,
    step: 10,
    scale: 'log',
    help: 'For a latency fault.',
    appliesWhen: { fault: ['latency'] },
  }),
  faultRate: numberParam({
    label: 'Fault rate',
    default: 0.5,
    min: 0.05,
    max: 1,
    step: 0.05,
    help: 'For errors and resets: the share of attempts that fail on an affected host.',
    appliesWhen: { fault: ['errors', 'resets'] },
  }),
  capacityRemaining: numberParam({
    label: 'Capacity left',
    default: 0.25,
    min: 0.05,
    max: 0.95,
    step: 0.05,
    help: 'For a capacity drop: the share of workers an affected host keeps.',
    appliesWhen: { fault: ['capacity-drop'] },
  }),
  blastRadius: numberParam({ label: 'Blast radius', default: 0.3, min: 0.1, max: 1, step: 0.1, help: 'Share of the target’s 10 hosts the fault reaches.' }),
  timeouts: booleanParam({ label: 'Timeouts', default: true, help: 'Per-attempt timeouts on every hop (250, 400, 200 ms).' }),
  retries: booleanParam({ label: 'Retries with a budget', default: true, help: 'Two retries with full jitter, at most 20% extra calls per hop.' }),
  breaker: booleanParam({ label: 'Circuit breaker', default: false, help: 'One breaker per hop: opens at 50% failures over 100 calls, for 5 s.' }),
  bulkhead: booleanParam({ label: 'Bulkhead', default: false, help: 'At most 100 calls in flight per hop.' }),
  fallback: booleanParam({ label: 'Fallback', default: false, help: 'A failed call is answered from a fallback (a degraded answer counts as a success).' }),
  defendedHops: enumParam({
    label: 'Defended hops',
    default: 'all',
    options: defendedHops,
    optionLabels: { all: 'every hop', edge: 'edge → A and edge → B only', store: 'B → store only' },
    help: 'Which calls have the defences above; the others have none.',
  }),
  rate: intParam({ label: 'Request rate', unit: 'req/s', default: 300, min: 10, max: 1000, step: 10, help: 'New requests per second at the edge.' }),
  sloSuccessRate: numberParam({
    label: 'Hypothesis: success rate at least',
    default: 0.99,
    min: 0.5,
    max: 1,
    step: 0.005,
    help: 'Steady state: share of requests that succeed in each 1 s probe window.',
  }),
  sloP99: intParam({ label: 'Hypothesis: p99 at most', unit: 'ms', default: 500, min: 50, max: 5000, step: 10, scale: 'log' }),
  abortBelow: numberParam({
    label: 'Abort when success rate below',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    help: 'Guard: stop every fault at once if a window’s success rate falls below this. 0: no guard.',
  }),
  faultStart: intParam({ label: 'Fault start', unit: 's', default: 10, min: 1, max: 300 }),
  faultDuration: intParam({ label: 'Fault length', unit: 's', default: 20, min: 1, max: 300 }),
  duration: intParam({ label: 'Run length', unit: 's', default: 40, min: 5, max: 600, step: 5 }),
};

const summaryDoc = {
  hypothesisHeld: 'the steady-state hypothesis held in every probe window (and the experiment was not aborted)',
  aborted: 'a guard was breached (or the steady state was not met before the fault) and every fault was stopped',
  abortedAt: 'when the experiment was aborted, ms from the start; -1 if it was not',
  refutedAt: 'end of the first probe window out of tolerance after the fault started, ms; -1 if none',
  successRate: 'share of all requests that succeeded (answers from a fallback included)',
  p99: '99th percentile of request latency over the run, ms (0 when no request ended)',
  blastRadius: 'share of the target’s hosts the fault reached',
  degraded: 'requests answered with at least one fallback',
  attempts: 'attempts sent on all hops, retries included',
  requests: 'requests at the edge',
  succeeded: 'requests that succeeded',
  failed: 'requests with an error from a service',
  rejected: 'requests a breaker, a bulkhead or a retry budget refused',
  timedOut: 'requests whose call timed out',
  shed: 'requests a full queue turned away',
};

/** The `chaos-experiment` scenario without its run code (`../chaos-experiment.ts`): what a page needs to build its runs. */
export const chaosExperimentSpec: ScenarioSpec<typeof params, ChaosExperimentResult> = {
  name: 'chaos-experiment',
  title: 'A chaos experiment on a three-tier system',
  description:
    'Inject latency, errors, resets or a capacity drop into one service of a three-tier system, with a blast radius and switchable defences; check the steady-state hypothesis every second and abort when a guard is breached.',
  params,
  summaryDoc,
};
