import { brookerBackoff, ratioBudget, retryQuota, RetryCore, tokenBucketBudget, type RetryBudget } from '../../src/resilience/index.ts';
import { Simulation } from '../engine/simulation.ts';
import type { TimeSeries } from '../engine/time-series.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { secondsWindow, type TimeWindow } from '../models/fault-schedule.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { RetryingCaller } from '../models/retrying-caller.ts';
import { Service } from '../models/service.ts';
import { TrafficMetrics, type TrafficColumn } from '../models/traffic-metrics.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type RunOptions, type ScenarioResult } from '../scenario.ts';
import { retryStormSpec, type BudgetKind, RECOVERY_THRESHOLD } from './specs/retry-storm.ts';

const params = retryStormSpec.params;

export type RetryStormParams = ParamValues<typeof params>;

const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 10_000;
const BUCKET_MS = 1000;

export interface RetryStormResult extends ScenarioResult {
  readonly summary: {
    goodputBefore: number;
    goodputDuring: number;
    goodputAfter: number;
    amplification: number;
    recovered: boolean;
  } & LedgerCounts;
  /** 1-second buckets over the run; see TrafficColumn for what each column holds. */
  readonly series: TimeSeries<TrafficColumn>;
  /** The spike, for shading. */
  readonly spike: TimeWindow;
  /** The window `goodputAfter` and `recovered` are measured over. */
  readonly after: TimeWindow;
}

function makeBudget(kind: BudgetKind): RetryBudget | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'token-bucket':
      return tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 });
    case 'ratio-budget':
      return ratioBudget({ ratio: 0.1, windowMs: 10_000 });
    case 'retry-quota':
      return retryQuota();
  }
}

/**
 * The window goodputAfter is measured over: the last quarter of the run, or
 * what is left of the run after the spike if that is shorter, but at least
 * the last bucket.
 */
function afterWindow(spikeEndMs: number, durationMs: number): TimeWindow {
  return { startMs: Math.min(Math.max(spikeEndMs, 0.75 * durationMs), durationMs - BUCKET_MS), endMs: durationMs };
}

/**
 * A metastable failure (Bronson et al., "Metastable Failures in Distributed
 * Systems", HotOS 2021): a service that slows down under concurrency and
 * keeps working on requests its clients abandoned, open-loop clients with
 * timeouts and retries, and a short load spike. During the spike the queue
 * outgrows the timeout; from then on the service spends its capacity on
 * answers nobody waits for, every timeout becomes up to `retries` more
 * attempts, and the extra load keeps the queue long after the spike is
 * gone. What breaks the loop is removing the amplification: a retry budget,
 * or cancelling abandoned work. Backoff alone, jittered or not, does not:
 * these clients are open-loop, so delaying a retry does not lower the rate of
 * first tries, and every request still makes all its attempts (Brooker, "What
 * is Backoff For?": backoff reduces load only when client concurrency is
 * bounded; against long overload it takes a budget).
 */
export const retryStorm = defineScenario({
  ...retryStormSpec,
  // Loads and workers scaled alike: the same overload, so the same storm, a quarter the size.
  warmUp: (p) => ({ ...p, baseRate: Math.max(10, Math.round(p.baseRate / 4)), spikeRate: Math.max(10, Math.round(p.spikeRate / 4)), workers: Math.max(1, Math.round(p.workers / 4)) }),
  run(p, seed, options = {}): RetryStormResult {
    const { summary, metrics, spike, after } = simulate(p, seed, options, true);
    return { summary, series: metrics.series(), spike, after };
  },
});

/**
 * A run's summary alone, as a metastability map needs it for each cell: the
 * same model on the same seed, without watching the service for the series
 * (its queue and busy levels and its latencies were a sixth of a cell).
 */
export function retryStormSummary(p: RetryStormParams, seed: number): RetryStormResult['summary'] {
  return simulate(p, seed, {}, false).summary;
}

/** The model, run; with `observeService` the metrics also watch the service, which the series needs. */
function simulate(p: RetryStormParams, seed: number, options: RunOptions, observeService: boolean) {
  const durationMs = p.duration * 1000;
  const spike = secondsWindow(p.spikeStart, p.spikeDuration, durationMs);
  const after = afterWindow(spike.endMs, durationMs);

  const sim = new Simulation(seed);
  const ledger = new RequestLedger();
  const metrics = new TrafficMetrics(BUCKET_MS, durationMs);
  const service = new Service(sim, {
    workers: p.workers,
    queueCapacity: p.queueCapacity,
    serviceTime: { kind: 'exponential', mean: p.serviceTime },
    contentionSlowdown: p.contention,
    cancellation: p.cancellation,
    discipline: p.queueing === 'lifo' ? 'lifo' : 'fifo',
    maxQueueWaitMs: p.queueing === 'drop-expired' ? p.timeout : Infinity,
    observer: observeService ? metrics : undefined,
  });
  const retry = new RetryCore({
    maxAttempts: p.retries + 1,
    backoff: brookerBackoff(p.backoff, { baseMs: BACKOFF_BASE_MS, capMs: BACKOFF_CAP_MS }),
    budget: makeBudget(p.budget),
  });
  const caller = new RetryingCaller(sim, { service, ledger, retry, metrics, attemptTimeoutMs: p.timeout });
  const clients = new OpenLoopClients(sim, {
    rate: PiecewiseRate.spike(p.baseRate, p.spikeRate, spike.startMs, spike.endMs),
    untilMs: durationMs,
    send: () => caller.call(),
  });

  // After the last arrival, each open request ends within its remaining attempts' timeouts and waits.
  // The run goes on to durationMs at least: abandoned work still in service changes the series'
  // last second after every request has ended (a run cut there was not the start of a longer one).
  const drainMs = (p.retries + 1) * (p.timeout + BACKOFF_CAP_MS);
  drainAndBalance(sim, ledger, { arrivals: clients, untilMs: durationMs, maxTimeMs: durationMs + drainMs, fractionDone: () => sim.now / durationMs }, options);

  const counts = ledger.counts();
  const goodputBefore = metrics.goodput(0, spike.startMs);
  const goodputAfter = metrics.goodput(after.startMs, after.endMs);
  return {
    summary: {
      goodputBefore,
      goodputDuring: metrics.goodput(spike.startMs, spike.endMs),
      goodputAfter,
      amplification: counts.requests > 0 ? caller.attemptsSent / counts.requests : 0,
      recovered: goodputAfter >= RECOVERY_THRESHOLD * goodputBefore,
      ...counts,
    },
    metrics,
    spike,
    after,
  };
}
