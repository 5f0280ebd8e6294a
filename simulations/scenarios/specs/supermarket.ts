import { enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { SupermarketResult } from '../supermarket.ts';

export const choiceOptions = ['1', '2', '3', '4', 'all'] as const;

const params = {
  backends: intParam({ label: 'Backends', default: 100, min: 2, max: 500, scale: 'log', help: 'n single-worker FIFO queues with exponential service at rate 1.' }),
  utilization: numberParam({ label: 'Utilization', default: 0.9, min: 0.05, max: 0.99, step: 0.01, help: 'λ: arrivals at rate λn, so each backend is busy a fraction λ of the time.' }),
  choices: enumParam({
    label: 'Choices',
    default: '2',
    options: choiceOptions,
    optionLabels: { '1': '1 (random)', '2': '2 (power of two choices)', '3': '3', '4': '4', all: 'all (join the shortest queue)' },
    help: 'Queues sampled per arrival (with replacement); the arrival joins the shortest.',
  }),
  requests: intParam({ label: 'Requests', default: 100_000, min: 100, max: 500_000, step: 100, scale: 'log', help: 'Arrivals in the run; the first tenth of the run is a warm-up left out of the statistics.' }),
};

/** The `supermarket` scenario without its run code (`../supermarket.ts`): what a page needs to build its runs. */
export const supermarketSpec: ScenarioSpec<typeof params, SupermarketResult> = {
  name: 'supermarket',
  title: 'Supermarket model: shortest of d queues',
  description:
    'Poisson arrivals to n single-worker queues, each joining the shortest of d randomly chosen queues (or of all of them): with two choices instead of one the mean time in system drops from 1/(1 − λ) to nearly constant.',
  params,
  summaryDoc: {
    meanTime: 'mean time in system (wait + service) after the warm-up, in mean service times',
    expectedMeanTime:
      'the same in the n → ∞ limit: Σ_{i≥1} λ^((d^i − d)/(d − 1)) for d ≥ 2 (Mitzenmacher), 1/(1 − λ) for d = 1 (M/M/1), 1 for all (no wait)',
    p99Time: '99th percentile of the time in system after the warm-up, in mean service times',
    maxQueueLength: 'the longest queue (waiting + in service) any backend had at any time',
    requests: 'requests started',
    succeeded: 'requests served (all of them: queues are unbounded and nobody times out)',
    failed: 'requests that failed (none here)',
    rejected: 'requests the balancer had no host for (none here)',
    timedOut: 'requests abandoned by their client (none here)',
    shed: 'requests turned away by a full queue (none here)',
  },
};
