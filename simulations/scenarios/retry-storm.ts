import { brookerBackoff, jitterStrategies, ratioBudget, retryQuota, RetryCore, tokenBucketBudget, type RetryBudget } from '../../src/resilience/index.ts';
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
import { booleanParam, enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

const budgetKinds = ['none', 'token-bucket', 'ratio-budget', 'retry-quota'] as const;
type BudgetKind = (typeof budgetKinds)[number];

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

export type RetryStormParams = ParamValues<typeof params>;

const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 10_000;
const BUCKET_MS = 1000;
/** `recovered` holds when goodput after the spike is back to this fraction of goodput before it. */
const RECOVERY_THRESHOLD = 0.9;

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
  run(p, seed, options = {}): RetryStormResult {
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
      observer: metrics,
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
    const drainMs = (p.retries + 1) * (p.timeout + BACKOFF_CAP_MS);
    drainAndBalance(sim, ledger, { arrivals: clients, maxTimeMs: durationMs + drainMs, fractionDone: () => sim.now / durationMs }, options);

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
      series: metrics.series(),
      spike,
      after,
    };
  },
});
