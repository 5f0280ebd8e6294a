import { enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { HedgingResult } from '../hedging.ts';

const params = {
  latency: enumParam({
    label: 'Attempt latency',
    default: 'hiccup',
    options: ['hiccup', 'lognormal'],
    optionLabels: { hiccup: 'hiccup: fast, or now and then very slow', lognormal: 'log-normal' },
    help: 'Hiccup is the model of The Tail at Scale: fast-ms with probability 1 − slow-fraction, else slow-ms.',
  }),
  fastMs: intParam({ label: 'Fast latency', unit: 'ms', default: 10, min: 1, max: 500 }),
  slowMs: intParam({ label: 'Slow latency', unit: 'ms', default: 1000, min: 2, max: 10_000, scale: 'log' }),
  slowFraction: numberParam({ label: 'Slow fraction', default: 0.02, min: 0, max: 0.5, step: 0.001, help: 'Share of attempts that hit a hiccup.' }),
  medianMs: intParam({ label: 'Median latency', unit: 'ms', default: 20, min: 1, max: 1000, help: 'Log-normal only.' }),
  sigma: numberParam({ label: 'Sigma', default: 1, min: 0.1, max: 2.5, step: 0.05, help: 'Log-normal only: the spread of ln(latency).' }),
  workers: intParam({ label: 'Workers', default: 0, min: 0, max: 64, help: '0: unlimited (no queueing); otherwise hedges queue behind real work.' }),
  rate: intParam({ label: 'Traffic', unit: 'req/s', default: 100, min: 10, max: 2000, step: 10, scale: 'log' }),
  requests: intParam({ label: 'Requests', default: 2000, min: 100, max: 100_000, step: 100, scale: 'log' }),
  hedgeDelay: intParam({ label: 'Hedge delay', unit: 'ms', default: 50, min: 0, max: 5000, scale: 'log', help: '0: no hedging.' }),
  hedgePercentile: numberParam({
    label: 'Hedge at percentile',
    default: 0,
    min: 0,
    max: 99.9,
    step: 0.1,
    help: '0: use the fixed delay; otherwise hedge when an attempt is slower than this percentile of recent latencies.',
  }),
  maxAttempts: intParam({ label: 'Max attempts', default: 2, min: 1, max: 5, help: 'Attempts per request, the first included (gRPC clamps at 5).' }),
  errorRate: numberParam({
    label: 'Error rate',
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'Share of attempts that fail (non-fatal: the next hedge goes at once).',
  }),
  budget: enumParam({
    label: 'Hedge budget',
    default: 'none',
    options: ['none', 'ratio', 'token-bucket'],
    optionLabels: { none: 'none', ratio: 'at most 10 % extra (ratio budget, 10 s window)', 'token-bucket': 'gRPC retry throttle (10 tokens, ratio 0.1)' },
  }),
};

/** The `hedging` scenario without its run code (`../hedging.ts`): what a page needs to build its runs. */
export const hedgingSpec: ScenarioSpec<typeof params, HedgingResult> = {
  name: 'hedging',
  title: 'Hedging: cutting the latency tail, and what it costs',
  description:
    'Requests to a server whose attempts are fast except for occasional hiccups (or log-normal), hedged after a fixed delay or a percentile of observed latency, up to max attempts, optionally within a budget. Latency quantiles per request against extra load.',
  params,
  summaryDoc: {
    p50: 'median latency of the successful requests, ms',
    p99: '99th percentile latency of the successful requests, ms',
    p999: '99.9th percentile latency of the successful requests, ms',
    mean: 'mean latency of the successful requests, ms',
    extraLoad: 'attempts per request − 1: the load hedging adds',
    cancelled: 'attempts cancelled because another attempt of the same request answered first',
    hedges: 'hedged attempts sent (attempts beyond the first)',
    budgetDenied: 'hedges the budget refused: at most one per request, which then sends no further hedge (as grpc-java does)',
    serverBusyMsPerRequest: 'worker time spent per request, cancelled work included up to its cancellation, ms',
    finalHedgeDelay: 'the hedging delay in force at the end of the run (learnt, with a percentile), ms; −1 when no timed hedge is sent',
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests all of whose attempts failed, or whose needed hedge the budget refused',
    rejected: 'none here',
    timedOut: 'none here: the client waits as long as it takes',
    shed: 'none here: the server queue is unbounded',
  },
};
