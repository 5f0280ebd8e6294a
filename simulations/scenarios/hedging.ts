import { quantileSorted, tickStep } from 'd3-array';
import { randomLogNormal } from 'd3-random';
import { HedgingCore, PercentileHedgingDelay, fixedHedgingDelay, type HedgingDelay } from '../../src/resilience/hedging/index.ts';
import { ratioBudget, tokenBucketBudget, type RetryBudget } from '../../src/resilience/retry-budget/index.ts';
import { enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { Simulation } from '../engine/simulation.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { HedgedCaller } from '../models/hedged-caller.ts';
import { LatencyServer } from '../models/latency-server.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

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

export type HedgingParams = ParamValues<typeof params>;

/** Quantile levels reported for CDF plots: every percent, then denser in the tail. */
const CDF_LEVELS = [...Array.from({ length: 100 }, (_, i) => i / 100), 0.991, 0.992, 0.993, 0.994, 0.995, 0.996, 0.997, 0.998, 0.999, 0.9995, 0.9999, 1];
const BUCKETS = 100;

export interface HedgingResult extends ScenarioResult {
  readonly summary: {
    p50: number;
    p99: number;
    p999: number;
    mean: number;
    extraLoad: number;
    cancelled: number;
    hedges: number;
    budgetDenied: number;
    serverBusyMsPerRequest: number;
    finalHedgeDelay: number;
  } & LedgerCounts;
  /** Per-request latency (succeeded requests) at CDF_LEVELS: enough to draw the CDF; ms. */
  readonly quantiles: { readonly p: number; readonly ms: number }[];
  /** Per bucket of request start time: requests and attempts per second, and the p99 latency of the requests started in it (null when none). */
  readonly series: { readonly bucketMs: number; readonly requests: number[]; readonly attempts: number[]; readonly p99: (number | null)[] };
}

function budgetFor(kind: HedgingParams['budget']): RetryBudget | undefined {
  if (kind === 'ratio') return ratioBudget({ ratio: 0.1, windowMs: 10_000 });
  if (kind === 'token-bucket') return tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 });
  return undefined;
}

function delayFor(p: HedgingParams): HedgingDelay {
  if (p.hedgePercentile > 0) return new PercentileHedgingDelay({ percentile: p.hedgePercentile });
  return fixedHedgingDelay(p.hedgeDelay > 0 ? p.hedgeDelay : Infinity);
}

/**
 * A client hedging its requests to a server with a long latency tail,
 * through the real HedgingCore: how much the tail shrinks and what it costs
 * in extra attempts. With the hiccup model and unlimited workers the
 * latency distribution is known exactly (theory/hedging-hiccup.ts): without
 * hedging p99 is slow-ms as soon as more than 1 % of attempts are slow; with
 * k attempts a request is slow only when all of them are, slowFraction^k.
 * With few workers the hedges queue behind real work and can make the tail
 * worse: that is why hedges need a budget.
 */
export const hedgingScenario = defineScenario({
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
  run(p, seed, options = {}): HedgingResult {
    const sim = new Simulation(seed);
    const latencyRandom = sim.streams.stream('latency');
    const latency =
      p.latency === 'hiccup'
        ? () => (latencyRandom() < p.slowFraction ? p.slowMs : p.fastMs)
        : randomLogNormal.source(latencyRandom)(Math.log(p.medianMs), p.sigma);
    const server = new LatencyServer(sim, {
      workers: p.workers === 0 ? Infinity : p.workers,
      latency,
      errorProbability: p.errorRate,
      errorRandom: sim.streams.stream('errors'),
    });
    const delay = delayFor(p);
    const core = new HedgingCore({ maxAttempts: p.hedgeDelay > 0 || p.hedgePercentile > 0 ? p.maxAttempts : 1, delay, budget: budgetFor(p.budget) });
    const ledger = new RequestLedger();
    const expectedEndMs = (p.requests / p.rate) * 1000;
    const bucketMs = tickStep(0, expectedEndMs, BUCKETS);
    const counts = new SeriesRecorder(bucketMs, expectedEndMs, ['requests', 'attempts'] as const);
    const perBucket: number[][] = Array.from({ length: counts.buckets }, () => []);
    const latencies: number[] = [];
    let denied = 0;
    const caller = new HedgedCaller(sim, core, server, ledger, {
      attemptSent: (_r, _attempt, now) => counts.add('attempts', now),
      ended: (r, now) => {
        if (r.throttled) denied++;
        if (r.outcome !== 'succeeded') return;
        const ms = now - r.startedAt;
        latencies.push(ms);
        if (r.startedAt < expectedEndMs) perBucket[Math.floor(r.startedAt / bucketMs)].push(ms);
      },
    });
    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(p.rate),
      untilMs: Infinity,
      maxRequests: p.requests,
      send: () => {
        counts.add('requests', sim.now);
        caller.call();
      },
    });
    drainAndBalance(sim, ledger, { arrivals: clients, maxTimeMs: Infinity, fractionDone: () => clients.started / p.requests }, options);

    const sorted = latencies.sort((a, b) => a - b);
    const q = (level: number) => (sorted.length === 0 ? 0 : quantileSorted(sorted, level)!);
    const counted = ledger.counts();
    const perSecond = 1000 / bucketMs;
    const finalDelay = delay.delayMs();
    return {
      summary: {
        p50: q(0.5),
        p99: q(0.99),
        p999: q(0.999),
        mean: sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length,
        extraLoad: counted.requests === 0 ? 0 : caller.attempts / counted.requests - 1,
        cancelled: caller.cancelled,
        hedges: caller.attempts - counted.requests,
        budgetDenied: denied,
        serverBusyMsPerRequest: counted.requests === 0 ? 0 : server.busyMs / counted.requests,
        finalHedgeDelay: core.maxAttempts > 1 && finalDelay < Infinity ? finalDelay : -1,
        ...counted,
      },
      quantiles: CDF_LEVELS.map((level) => ({ p: level, ms: q(level) })),
      series: {
        bucketMs,
        requests: counts.columns.requests.map((n) => n * perSecond),
        attempts: counts.columns.attempts.map((n) => n * perSecond),
        p99: perBucket.map((xs) =>
          xs.length === 0
            ? null
            : quantileSorted(
                xs.sort((a, b) => a - b),
                0.99,
              )!,
        ),
      },
    };
  },
});
