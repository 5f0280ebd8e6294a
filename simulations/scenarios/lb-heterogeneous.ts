import type { ActiveHealthCheckOptions, OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import { balancerLabels, createBalancer, HealthAwareBalancer, type BalancerName } from '../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BackendCluster } from '../models/backend-cluster.ts';
import { balancedCallCountsDoc, BalancedCaller } from '../models/balanced-caller.ts';
import { BalancingMetrics, type BackendStats, type BalancingSeries, type BalancingSummary } from '../models/balancing-metrics.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { secondsWindow, type Fault, type TimeWindow } from '../models/fault-schedule.ts';
import { HealthRotation, type RotationEvent } from '../models/health-rotation.ts';
import { RequestLedger } from '../models/request-ledger.ts';
import { speedTiers, tierHosts } from '../models/speed-tiers.ts';
import { booleanParam, enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

export type { BackendStats, RotationEvent };
/** Per 1 s bucket over the run; see BalancingSeries. */
export type LbHeterogeneousSeries = BalancingSeries;

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

export interface LbHeterogeneousResult extends ScenarioResult {
  readonly summary: BalancingSummary;
  readonly backends: BackendStats[];
  readonly series: BalancingSeries;
  /** Backends leaving and rejoining the rotation, in time order. */
  readonly rotation: RotationEvent[];
  /** The fault window, for shading; empty (start = end) when there is no fault. */
  readonly fault: TimeWindow;
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
    ...balancedCallCountsDoc,
  },
  run(p, seed, options = {}): LbHeterogeneousResult {
    const durationMs = p.duration * 1000;
    const fault = p.fault === 'none' ? { startMs: 0, endMs: 0 } : secondsWindow(p.faultStart, p.faultDuration, durationMs);
    const tiers = speedTiers(p.backends, p.speedRatio);

    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const cluster = new BackendCluster(
      sim,
      tiers.map((t, i) => {
        const serviceMs = SERVICE_MS / t.speed;
        // The fault hits the first fast backend only.
        const f = i === 0 ? faultFor(p.fault, serviceMs) : undefined;
        return { id: t.id, workers: WORKERS, queueCapacity: QUEUE_CAPACITY, serviceMs, faults: f && fault.endMs > fault.startMs ? [{ ...fault, fault: f }] : [] };
      }),
      PROBE_MS,
    );
    const balancer = new HealthAwareBalancer(createBalancer(p.algorithm, tierHosts(tiers)));
    const metrics = new BalancingMetrics(tiers, BUCKET_MS, durationMs, fault);
    const health = new HealthRotation(sim, {
      cluster,
      balancer,
      untilMs: durationMs,
      activeChecks: p.healthChecks ? heterogeneousHealthCheck : undefined,
      outlierDetection: p.outlierDetection ? heterogeneousOutlierDetection : undefined,
      changed: (change) => metrics.rotationChanged(change, balancer.availableCount),
    });
    const caller = new BalancedCaller(sim, {
      services: cluster.services,
      picker: balancer,
      ledger,
      timeoutMs: p.timeout,
      observer: {
        sent: (call, now) => metrics.sent(call, now),
        ended: (call, now) => {
          health.report(call);
          metrics.ended(call, now);
        },
      },
    });
    const capacityPerSecond = tiers.reduce((a, t) => a + (WORKERS * t.speed * 1000) / SERVICE_MS, 0);
    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(p.utilization * capacityPerSecond),
      untilMs: durationMs,
      send: () => {
        metrics.offered(sim.now);
        caller.call();
      },
    });
    // Every request ends by its timeout; nothing else keeps the run going once arrivals stop.
    drainAndBalance(sim, ledger, { arrivals: clients, maxTimeMs: durationMs + p.timeout + 1, fractionDone: () => sim.now / durationMs }, options);
    metrics.close();

    return { summary: metrics.summary(ledger.counts()), backends: metrics.backends(), series: metrics.series(), rotation: metrics.rotation, fault };
  },
});
