import { intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { QueueResult } from '../queue.ts';

const params = {
  arrivalRate: numberParam({ label: 'Arrival rate', unit: 'req/s', default: 80, min: 1, max: 10_000, step: 1, scale: 'log', help: 'Poisson arrivals (λ).' }),
  serviceRate: numberParam({ label: 'Service rate per worker', unit: 'req/s', default: 100, min: 1, max: 10_000, step: 1, scale: 'log', help: 'Exponential service times with mean 1/μ.' }),
  workers: intParam({ label: 'Workers', default: 1, min: 1, max: 64, help: 'Servers (c) taking requests from one FIFO queue.' }),
  requests: intParam({ label: 'Requests', default: 100_000, min: 1_000, max: 1_000_000, step: 1_000, scale: 'log', help: 'Requests in the run; the first tenth of the run is a warm-up left out of the statistics.' }),
};

/** The `queue` scenario without its run code (`../queue.ts`): what a page needs to build its runs. */
export const queueSpec: ScenarioSpec<typeof params, QueueResult> = {
  name: 'queue',
  title: 'M/M/c queue',
  description: 'Poisson arrivals to c workers with exponential service times and an unbounded FIFO queue: the sanity check against queueing theory (M/M/1, Erlang C).',
  params,
  summaryDoc: {
    meanTime: 'mean time in system (queue wait + service) after the warm-up, ms',
    p99Time: '99th percentile of the time in system after the warm-up, ms',
    waitProbability: 'fraction of requests after the warm-up that found every worker busy and had to wait',
    meanWait: 'mean wait in the queue after the warm-up, ms',
    utilization: 'worker time used / (workers × time of the last arrival): an estimate of ρ = λ / (c μ)',
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests that failed',
    rejected: 'requests rejected on the client side',
    timedOut: 'requests abandoned by their client',
    shed: 'requests turned away by a full queue',
  },
};
