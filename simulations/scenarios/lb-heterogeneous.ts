import type { OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import { createBalancer, HealthAwareBalancer } from '../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BackendCluster } from '../models/backend-cluster.ts';
import { BalancedCaller } from '../models/balanced-caller.ts';
import { BalancingMetrics, type BackendStats, type BalancingSeries, type BalancingSummary } from '../models/balancing-metrics.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { secondsWindow, type Fault, type TimeWindow } from '../models/fault-schedule.ts';
import { HealthRotation, type RotationEvent } from '../models/health-rotation.ts';
import { RequestLedger } from '../models/request-ledger.ts';
import { speedTiers, tierHosts } from '../models/speed-tiers.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { lbHeterogeneousSpec, type FaultKind, ERROR_FAULT_PROBABILITY, SLOW_FAULT_FACTOR, heterogeneousHealthCheck } from './specs/lb-heterogeneous.ts';
export { heterogeneousAlgorithms, type HeterogeneousAlgorithm, heterogeneousHealthCheck } from './specs/lb-heterogeneous.ts';

const params = lbHeterogeneousSpec.params;

export type { BackendStats, RotationEvent };
/** Per 1 s bucket over the run; see BalancingSeries. */
export type LbHeterogeneousSeries = BalancingSeries;

/** Mean service time of a normal backend, ms (exponential). */
const SERVICE_MS = 50;
/** Requests a backend works on at once. */
const WORKERS = 4;
/** Requests that may wait at a backend; one more is shed. */
const QUEUE_CAPACITY = 50;
/** A health probe's own latency, ms. */
const PROBE_MS = 2;
const BUCKET_MS = 1000;

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
  ...lbHeterogeneousSpec,
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
    drainAndBalance(sim, ledger, { arrivals: clients, untilMs: durationMs, maxTimeMs: durationMs + p.timeout + 1, fractionDone: () => sim.now / durationMs }, options);
    metrics.close();

    return { summary: metrics.summary(ledger.counts()), backends: metrics.backends(), series: metrics.series(), rotation: metrics.rotation, fault };
  },
});
