import { quantileSorted, tickStep } from 'd3-array';
import { randomLogNormal } from 'd3-random';
import { HedgingCore, PercentileHedgingDelay, fixedHedgingDelay, type HedgingDelay } from '../../src/resilience/hedging/index.ts';
import { ratioBudget, tokenBucketBudget, type RetryBudget } from '../../src/resilience/retry-budget/index.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { Simulation } from '../engine/simulation.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { HedgedCaller } from '../models/hedged-caller.ts';
import { LatencyServer } from '../models/latency-server.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { hedgingSpec } from './specs/hedging.ts';

const params = hedgingSpec.params;

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
  ...hedgingSpec,
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
