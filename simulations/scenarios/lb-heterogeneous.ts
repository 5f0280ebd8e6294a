import type { ActiveHealthCheckOptions, OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import { OutlierDetector } from '../../src/resilience/health/index.ts';
import { balancerLabels, createBalancer, HealthAwareBalancer, type BalancerName, type HealthFlag, type Host } from '../../src/resilience/load-balancing/index.ts';
import { BucketQuantiles } from '../engine/bucket-quantiles.ts';
import { LevelGauge } from '../engine/level-gauge.ts';
import { selectQuantile } from '../engine/select-quantile.ts';
import { Simulation } from '../engine/simulation.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BalancedCaller, type BalancedCall } from '../models/balanced-caller.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { FaultSchedule, type Fault } from '../models/fault-schedule.ts';
import { HealthCheckDriver } from '../models/health-check-driver.ts';
import { probeAnswer } from '../models/health-probe.ts';
import { OutlierDriver } from '../models/outlier-driver.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { Service } from '../models/service.ts';
import { booleanParam, enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

/** The balancers that spread requests without a key; the hashing ones keep keys in place instead (see consistent-hashing). */
export const heterogeneousAlgorithms = [
  'round-robin',
  'smooth-weighted-round-robin',
  'random',
  'weighted-random',
  'least-outstanding',
  'least-request',
  'peak-ewma',
] as const satisfies readonly BalancerName[];

export type HeterogeneousAlgorithm = (typeof heterogeneousAlgorithms)[number];

const faultKinds = ['none', 'slow', 'errors', 'fail-fast', 'hang'] as const;
type FaultKind = (typeof faultKinds)[number];

const groups = ['fast', 'normal', 'slow'] as const;
type Group = (typeof groups)[number];

/** Mean service time of a normal backend, ms (exponential). */
const SERVICE_MS = 50;
/** Requests a backend works on at once. */
const WORKERS = 4;
/** Requests that may wait at a backend; one more is shed. */
const QUEUE_CAPACITY = 50;
/** A health probe's own latency, ms. */
const PROBE_MS = 2;
const BUCKET_MS = 1000;
/** The 'errors' fault fails this share of the faulty backend's requests. */
const ERROR_FAULT_PROBABILITY = 0.5;
/** The 'slow' fault makes the faulty backend's work take this many times longer. */
const SLOW_FAULT_FACTOR = 10;

/** Active health checking, when on: fixed settings, close to common production ones. */
export const heterogeneousHealthCheck: ActiveHealthCheckOptions = {
  intervalMs: 1000,
  timeoutMs: 500,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
  intervalJitterMs: 100,
  initialJitterMs: 1000,
};

/**
 * Outlier detection, when on: Envoy's rules on a faster clock (sweeps every
 * second instead of ten) and with volumes a small cluster reaches, so that
 * one run of a minute shows ejection and return.
 */
export const heterogeneousOutlierDetection: OutlierDetectionOptions = {
  intervalMs: 1000,
  baseEjectionTimeMs: 10_000,
  maxEjectionTimeMs: 60_000,
  maxEjectionPercent: 50,
  consecutive5xx: { threshold: 5 },
  successRate: { minimumHosts: 3, requestVolume: 20 },
};

const params = {
  algorithm: enumParam({
    label: 'Algorithm',
    default: 'round-robin',
    options: heterogeneousAlgorithms,
    optionLabels: Object.fromEntries(heterogeneousAlgorithms.map((a) => [a, balancerLabels[a]])),
    help: 'The weighted ones weight each backend by its speed.',
  }),
  backends: intParam({ label: 'Backends', default: 6, min: 3, max: 20, help: 'A third fast, a third normal, a third slow.' }),
  speedRatio: numberParam({ label: 'Speed ratio', default: 2, min: 1, max: 4, step: 0.1, help: 'Fast backends serve this many times faster than normal ones, slow ones this many times slower.' }),
  utilization: numberParam({ label: 'Load', default: 0.7, min: 0.1, max: 0.95, step: 0.01, help: 'Offered requests as a fraction of the cluster’s total capacity.' }),
  fault: enumParam({
    label: 'Fault',
    default: 'slow',
    options: faultKinds,
    optionLabels: {
      none: 'none',
      slow: `${SLOW_FAULT_FACTOR}× slower`,
      errors: `fails ${ERROR_FAULT_PROBABILITY * 100}% of requests`,
      'fail-fast': 'refuses every request at once',
      hang: 'accepts requests and never answers',
    },
    help: 'What happens to the first fast backend during the fault window.',
  }),
  faultStart: intParam({ label: 'Fault start', unit: 's', default: 20, min: 0, max: 120 }),
  faultDuration: intParam({ label: 'Fault length', unit: 's', default: 20, min: 0, max: 120 }),
  duration: intParam({ label: 'Run length', unit: 's', default: 60, min: 10, max: 120, step: 10 }),
  timeout: intParam({ label: 'Request timeout', unit: 'ms', default: 1000, min: 100, max: 10_000, step: 100, scale: 'log' }),
  healthChecks: booleanParam({
    label: 'Active health checks',
    default: false,
    help: `Probe every backend each ${heterogeneousHealthCheck.intervalMs} ms (+ up to ${heterogeneousHealthCheck.intervalJitterMs} ms jitter), timeout ${heterogeneousHealthCheck.timeoutMs} ms; out after ${heterogeneousHealthCheck.unhealthyThreshold} failures in a row, back after ${heterogeneousHealthCheck.healthyThreshold} passes.`,
  }),
  outlierDetection: booleanParam({
    label: 'Outlier detection',
    default: false,
    help: 'Eject a backend after 5 errors in a row, or a success rate below mean − 1.9 stdev; 10 s ejections, growing with each repeat; at most half the backends out.',
  }),
};

export type LbHeterogeneousParams = ParamValues<typeof params>;

/** One backend's totals over the run. */
export interface BackendStats {
  readonly id: string;
  readonly group: Group;
  /** Service rate relative to a normal backend; also its weight for the weighted algorithms. */
  readonly speed: number;
  /** Requests sent to it. */
  readonly requests: number;
  /** Its share of all requests sent. */
  readonly share: number;
  /** Its requests that did not succeed. */
  readonly errors: number;
  /** Of its successful requests, ms; null when it had none. */
  readonly latencyP50: number | null;
  readonly latencyP99: number | null;
}

/** A backend leaving or rejoining the rotation. */
export interface RotationEvent {
  readonly t: number;
  readonly host: number;
  readonly kind: 'unhealthy' | 'healthy' | 'ejected' | 'unejected';
}

/** Per 1 s bucket over the run; rates per second, latencies null for a bucket with no success. */
export interface LbHeterogeneousSeries {
  readonly bucketMs: number;
  readonly columns: {
    readonly offered: number[];
    readonly goodput: number[];
    /** Requests that ended without success, per second. */
    readonly errors: number[];
    /** Mean number of backends out of rotation (time-weighted). */
    readonly unavailable: number[];
    /** Of the requests that succeeded in the bucket, ms. */
    readonly latencyP50: (number | null)[];
    readonly latencyP99: (number | null)[];
  };
  /** perHost[h][i]: requests per second sent to backend h in bucket i, in backend order. */
  readonly perHost: number[][];
}

export interface LbHeterogeneousResult extends ScenarioResult {
  readonly summary: {
    latencyP50: number;
    latencyP99: number;
    errorRate: number;
    fastShare: number;
    normalShare: number;
    slowShare: number;
    faultyShare: number;
    faultyFairShare: number;
    removals: number;
  } & LedgerCounts;
  readonly backends: BackendStats[];
  readonly series: LbHeterogeneousSeries;
  /** Backends leaving and rejoining the rotation, in time order. */
  readonly rotation: RotationEvent[];
  /** The fault window, for shading; empty (start = end) when there is no fault. */
  readonly fault: { readonly startMs: number; readonly endMs: number };
}

/** A third fast, a third normal, a third slow, fast first (the faulty backend is backend 0, a fast one). */
function groupOf(i: number, n: number): Group {
  return groups[Math.min(2, Math.floor((3 * i) / n))];
}

function faultFor(kind: FaultKind, serviceMs: number): Fault | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'slow':
      return { kind: 'added-latency', ms: (SLOW_FAULT_FACTOR - 1) * serviceMs };
    case 'errors':
      return { kind: 'error-spike', probability: ERROR_FAULT_PROBABILITY };
    case 'fail-fast':
    case 'hang':
      return { kind: 'outage', mode: kind };
  }
}

function quantileOrNull(values: number[], p: number): number | null {
  return values.length === 0 ? null : selectQuantile(Float64Array.from(values), p);
}

/**
 * Backends of three speeds, one of which degrades or fails for a while, and
 * a client balancing over them with the chosen real algorithm, optionally
 * wrapped in health-aware selection fed by active health checks and outlier
 * detection. Arrivals, service times and the fault are drawn from their own
 * streams, so two algorithms on the same seed meet the same traffic.
 */
export const lbHeterogeneous = defineScenario({
  name: 'lb-heterogeneous',
  title: 'Balancing over uneven backends',
  description:
    'Fast, normal and slow backends, one of which degrades or fails for a while; compare balancing algorithms, with or without health checks and outlier detection, on the same traffic.',
  params,
  summaryDoc: {
    latencyP50: 'median time of the requests that succeeded, ms',
    latencyP99: '99th percentile time of the requests that succeeded, ms',
    errorRate: 'fraction of requests that did not succeed (failed, timed out, shed or rejected)',
    fastShare: 'share of the requests sent to the fast backends',
    normalShare: 'share of the requests sent to the normal backends',
    slowShare: 'share of the requests sent to the slow backends',
    faultyShare: 'share of the requests sent during the fault window that went to the faulty backend (0 when there is no fault)',
    faultyFairShare: "the faulty backend's share of the capacity when healthy: its speed / the sum of speeds",
    removals: 'times a backend was taken out of rotation (failed health checks or ejected)',
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests answered with an error or refused',
    rejected: 'requests for which the balancer had no backend',
    timedOut: 'requests with no answer within the timeout',
    shed: "requests turned away by a backend's full queue",
  },
  run(p, seed, options = {}): LbHeterogeneousResult {
    const n = p.backends;
    const durationMs = p.duration * 1000;
    const faultStartMs = Math.min(p.faultStart * 1000, durationMs);
    const faultEndMs = Math.min((p.faultStart + p.faultDuration) * 1000, durationMs);
    const faultWindow = p.fault === 'none' ? { startMs: 0, endMs: 0 } : { startMs: faultStartMs, endMs: faultEndMs };

    const groupOfHost = Array.from({ length: n }, (_, i) => groupOf(i, n));
    const speeds = groupOfHost.map((g) => (g === 'fast' ? p.speedRatio : g === 'slow' ? 1 / p.speedRatio : 1));
    const ids = groupOfHost.map((g, i) => `${g}-${i - groupOfHost.indexOf(g)}`);
    const hosts: Host[] = ids.map((id, i) => ({ id, weight: speeds[i] }));
    const capacityPerSecond = speeds.reduce((a, s) => a + (WORKERS * s * 1000) / SERVICE_MS, 0);

    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const schedules = hosts.map((_, i) => {
      const fault = i === 0 ? faultFor(p.fault, SERVICE_MS / speeds[0]) : undefined;
      return new FaultSchedule(fault && faultWindow.endMs > faultWindow.startMs ? [{ ...faultWindow, fault }] : []);
    });
    const services = hosts.map(
      (h, i) =>
        new Service(sim, {
          name: h.id,
          workers: WORKERS,
          queueCapacity: QUEUE_CAPACITY,
          serviceTime: { kind: 'exponential', mean: SERVICE_MS / speeds[i] },
          faults: schedules[i],
        }),
    );
    const balancer = new HealthAwareBalancer(createBalancer(p.algorithm, hosts));

    const counts = new SeriesRecorder<'offered' | 'goodput' | 'errors' | 'unavailable'>(BUCKET_MS, durationMs, ['offered', 'goodput', 'errors', 'unavailable']);
    const perHost = new SeriesRecorder<string>(BUCKET_MS, durationMs, ids);
    const bucketLatency = new BucketQuantiles(BUCKET_MS, durationMs);
    const unavailable = new LevelGauge(counts, 'unavailable');
    const sent = new Float64Array(n);
    const sentInFault = new Float64Array(n);
    const errorsByHost = new Float64Array(n);
    const latencyByHost: number[][] = hosts.map(() => []);
    const latencies: number[] = [];
    const rotation: RotationEvent[] = [];
    let removals = 0;

    const setOut = (host: number, flag: HealthFlag, out: boolean, kind: RotationEvent['kind']) => {
      const now = sim.now;
      const before = balancer.isAvailable(host);
      balancer.setFailed(host, flag, out, now);
      rotation.push({ t: now, host, kind });
      if (before && !balancer.isAvailable(host)) removals++;
      unavailable.set(now, n - balancer.availableCount);
    };

    let outliers: OutlierDriver | undefined;
    const caller = new BalancedCaller(sim, {
      services,
      picker: balancer,
      ledger,
      timeoutMs: p.timeout,
      observer: {
        sent: (call, now) => {
          sent[call.host]++;
          if (now >= faultWindow.startMs && now < faultWindow.endMs) sentInFault[call.host]++;
          if (now < durationMs) perHost.add(ids[call.host], now);
        },
        ended: (call: BalancedCall, now) => {
          outliers?.report(call);
          const inRun = now < durationMs;
          if (call.outcome === 'succeeded') {
            const ms = now - call.sentAt;
            latencies.push(ms);
            latencyByHost[call.host].push(ms);
            if (inRun) {
              counts.add('goodput', now);
              bucketLatency.add(now, ms);
            }
          } else {
            if (call.host >= 0) errorsByHost[call.host]++;
            if (inRun) counts.add('errors', now);
          }
        },
      },
    });

    if (p.healthChecks) {
      new HealthCheckDriver(sim, {
        hosts: n,
        check: heterogeneousHealthCheck,
        untilMs: durationMs,
        probe: (host, now) => probeAnswer(schedules[host], 0, now, sim.streams.stream('probes'), PROBE_MS),
        observer: {
          transition: (host, _now, t) => setOut(host, 'active-check', t === 'became-unhealthy', t === 'became-unhealthy' ? 'unhealthy' : 'healthy'),
        },
      });
    }
    if (p.outlierDetection) {
      const detector = new OutlierDetector(n, heterogeneousOutlierDetection, sim.now, sim.streams.stream('outlier-detection'));
      outliers = new OutlierDriver(sim, detector, durationMs, (e) => {
        if (e.kind === 'ejected') setOut(e.host, 'outlier', true, 'ejected');
        else if (e.kind === 'unejected') setOut(e.host, 'outlier', false, 'unejected');
      });
    }

    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(p.utilization * capacityPerSecond),
      untilMs: durationMs,
      send: () => {
        counts.add('offered', sim.now);
        caller.call();
      },
    });
    // Every request ends by its timeout; nothing else keeps the run going once arrivals stop.
    drainAndBalance(sim, ledger, { arrivals: clients, maxTimeMs: durationMs + p.timeout + 1, fractionDone: () => sim.now / durationMs }, options);
    unavailable.finish(durationMs);

    const c = ledger.counts();
    const totalSent = sent.reduce((a, b) => a + b, 0);
    const shareOf = (g: Group) => (totalSent > 0 ? sent.reduce((a, s, i) => a + (groupOfHost[i] === g ? s : 0), 0) / totalSent : 0);
    const totalInFault = sentInFault.reduce((a, b) => a + b, 0);
    const perSecond = 1000 / BUCKET_MS;
    const toNull = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? null : x));
    return {
      summary: {
        latencyP50: quantileOrNull(latencies, 0.5) ?? 0,
        latencyP99: quantileOrNull(latencies, 0.99) ?? 0,
        errorRate: c.requests > 0 ? (c.requests - c.succeeded) / c.requests : 0,
        fastShare: shareOf('fast'),
        normalShare: shareOf('normal'),
        slowShare: shareOf('slow'),
        faultyShare: totalInFault > 0 ? sentInFault[0] / totalInFault : 0,
        faultyFairShare: speeds[0] / speeds.reduce((a, b) => a + b, 0),
        removals,
        ...c,
      },
      backends: hosts.map((h, i) => ({
        id: h.id,
        group: groupOfHost[i],
        speed: speeds[i],
        requests: sent[i],
        share: totalSent > 0 ? sent[i] / totalSent : 0,
        errors: errorsByHost[i],
        latencyP50: quantileOrNull(latencyByHost[i], 0.5),
        latencyP99: quantileOrNull(latencyByHost[i], 0.99),
      })),
      series: {
        bucketMs: BUCKET_MS,
        columns: {
          offered: counts.columns.offered.map((x) => x * perSecond),
          goodput: counts.columns.goodput.map((x) => x * perSecond),
          errors: counts.columns.errors.map((x) => x * perSecond),
          unavailable: counts.columns.unavailable.slice(),
          latencyP50: toNull(bucketLatency.column(0.5)),
          latencyP99: toNull(bucketLatency.column(0.99)),
        },
        perHost: ids.map((id) => perHost.columns[id].map((x) => x * perSecond)),
      },
      rotation,
      fault: faultWindow,
    };
  },
});
