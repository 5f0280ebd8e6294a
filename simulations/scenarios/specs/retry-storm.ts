import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import { jitterStrategies } from '../../../src/resilience/index.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { RetryStormResult } from '../retry-storm.ts';

const budgetKinds = ['none', 'token-bucket', 'ratio-budget', 'retry-quota'] as const;

export type BudgetKind = (typeof budgetKinds)[number];

const params = {
  backoff: enumParam({
    label: 'Backoff',
    default: 'none',
    options: jitterStrategies,
    optionLabels: { none: 'none (retry at once)', exponential: 'exponential, no jitter', equal: 'equal jitter', full: 'full jitter', decorrelated: 'decorrelated jitter' },
    help: 'Wait before each retry (Brooker 2015), base 100 ms, cap 10 s.',
  }),
  budget: enumParam({
    label: 'Retry budget',
    default: 'none',
    options: budgetKinds,
    optionLabels: {
      none: 'none',
      'token-bucket': 'token bucket (gRPC: 10 tokens, ratio 0.1)',
      'ratio-budget': 'ratio budget (10% of requests over 10 s)',
      'retry-quota': 'retry quota (AWS standard mode)',
    },
    help: 'A limit on retries shared by all clients.',
  }),
  retries: intParam({ label: 'Retries per request', default: 3, min: 0, max: 10, help: 'Attempts after the first one.' }),
  timeout: intParam({ label: 'Attempt timeout', unit: 'ms', default: 1000, min: 50, max: 10_000, step: 50, scale: 'log', help: 'How long a client waits for each attempt.' }),
  baseRate: intParam({ label: 'Base load', unit: 'req/s', default: 150, min: 10, max: 1000, step: 10, help: 'New requests per second outside the spike.' }),
  spikeRate: intParam({ label: 'Spike load', unit: 'req/s', default: 400, min: 10, max: 2000, step: 10, help: 'New requests per second during the spike.' }),
  spikeStart: intParam({ label: 'Spike start', unit: 's', default: 10, min: 1, max: 300 }),
  spikeDuration: intParam({ label: 'Spike length', unit: 's', default: 5, min: 0, max: 120 }),
  duration: intParam({ label: 'Run length', unit: 's', default: 60, min: 10, max: 600, step: 10 }),
  workers: intParam({ label: 'Workers', default: 8, min: 1, max: 64, help: 'Requests the service works on at once.' }),
  serviceTime: numberParam({ label: 'Service time', unit: 'ms', default: 20, min: 1, max: 500, step: 1, scale: 'log', help: 'Mean work per request at low load (exponential).' }),
  contention: numberParam({
    label: 'Contention slowdown',
    default: 1,
    min: 0,
    max: 4,
    step: 0.1,
    help: 'alpha: work takes 1 + alpha·(busy − 1)/workers times longer when busy workers share the service.',
  }),
  queueCapacity: intParam({ label: 'Queue capacity', default: 1000, min: 1, max: 10_000, step: 1, scale: 'log', help: 'Requests that may wait; more are shed.' }),
  cancellation: booleanParam({ label: 'Cancel abandoned work', default: false, help: 'Whether work whose client timed out leaves the service at once.' }),
  queueing: enumParam({
    label: 'Queueing',
    default: 'fifo',
    options: ['fifo', 'lifo', 'drop-expired'],
    optionLabels: { fifo: 'FIFO (oldest first)', lifo: 'LIFO (newest first)', 'drop-expired': 'FIFO, dropping work older than the timeout' },
    help: 'Which waiting request a free worker takes, and whether one whose client already timed out is shed unstarted.',
  }),
};

/** `recovered` holds when goodput after the spike is back to this fraction of goodput before it. */
export const RECOVERY_THRESHOLD = 0.9;

/** The `retry-storm` scenario without its run code (`../retry-storm.ts`): what a page needs to build its runs. */
export const retryStormSpec: ScenarioSpec<typeof params, RetryStormResult> = {
  name: 'retry-storm',
  title: 'Retry storm',
  description:
    'A load spike tips a service whose latency grows with concurrency into a retry storm that outlives the spike (a metastable failure), unless retries are budgeted or abandoned work is cancelled.',
  params,
  summaryDoc: {
    goodputBefore: 'successful requests per second before the spike',
    goodputDuring: 'successful requests per second during the spike',
    goodputAfter: 'successful requests per second over the last quarter of the run (at least after the spike)',
    amplification: 'attempts per request, retries included',
    recovered: `goodputAfter >= ${RECOVERY_THRESHOLD * 100}% of goodputBefore`,
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests whose last attempt got an error',
    rejected: 'requests whose retry the budget refused',
    timedOut: 'requests whose last attempt timed out',
    shed: "requests whose last attempt was shed by the service's full queue",
  },
};
