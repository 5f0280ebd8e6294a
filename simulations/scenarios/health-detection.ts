import { worstCaseDetectionMs, type ActiveHealthCheckOptions, type OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import { HealthAwareBalancer, RoundRobinBalancer, uniformHosts } from '../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BackendCluster } from '../models/backend-cluster.ts';
import { BalancedCaller } from '../models/balanced-caller.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { FailureEpisodes } from '../models/failure-episodes.ts';
import { HealthRotation, type RotationKind } from '../models/health-rotation.ts';
import { HealthTimelineRecorder, type HealthTimeline } from '../models/health-timeline-recorder.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { RotationDowntime } from '../models/rotation-downtime.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { expectedActiveDetectionMs, type ProbeFailureMode } from '../theory/health-check-detection.ts';
import { healthDetectionSpec } from './specs/health-detection.ts';

const params = healthDetectionSpec.params;

export type { HealthTimeline, RotationKind };

export type HealthDetectionParams = ParamValues<typeof params>;

/** The backend that fails, and the flaky one. */
const FAILING = 0;
const FLAKY = 1;
/** How long a client waits for a request, ms. */
const REQUEST_TIMEOUT_MS = 1000;
/** Mean work per request, ms (exponential), on backends with more workers than they ever need: no queueing in this scenario. */
const SERVICE_MS = 20;
const WORKERS = 100;
const PROBE_MS = 2;
const OUTLIER_INTERVAL_MS = 1000;
const OUTLIER_MAX_EJECTION_MS = 20_000;
/** Outlier detection, when on: Envoy's rules on a faster clock, so ejections come and go within a cycle. */
const OUTLIER_DETECTION: OutlierDetectionOptions = {
  intervalMs: OUTLIER_INTERVAL_MS,
  baseEjectionTimeMs: 5000,
  maxEjectionTimeMs: OUTLIER_MAX_EJECTION_MS,
  maxEjectionPercent: 50,
  consecutive5xx: { threshold: 5 },
  successRate: { minimumHosts: 3, requestVolume: 20 },
};
/** Extra healthy time after a failure, on top of the time to be let back in, before the next failure can start. */
const SETTLE_MS = 2000;
/** Check periods over which each failure's start is spread (see FailureEpisodes). */
const FAILURE_SPREAD_PERIODS = 4;
/** Buckets in the timeline's traffic-share series, about. */
const TIMELINE_BUCKETS = 120;

export interface HealthDetectionResult extends ScenarioResult {
  readonly summary: {
    detectionTimeMean: number;
    detectionTimeStdev: number;
    detectionTimeP95: number;
    detectionTimeMax: number;
    expectedDetectionTime: number;
    detectionBound: number;
    detectedByChecks: number;
    detectedByOutlierDetection: number;
    undetected: number;
    errorsBeforeDetection: number;
    flakyRemovals: number;
    flakyOutFraction: number;
    failures: number;
  } & LedgerCounts;
  /** Each failure's detection time, ms, in order; null if it was never detected. */
  readonly detectionTimes: (number | null)[];
  readonly timeline: HealthTimeline;
}

/**
 * A backend fails again and again, each time at a random moment, behind a
 * health-aware round-robin balancer fed by the real active health checker
 * (and, optionally, the real outlier detector); a second backend is flaky but
 * healthy. How long does each failure go unnoticed, how many requests fail
 * meanwhile, and how often is the flaky backend thrown out for nothing?
 * Active checking alone is bounded by unhealthyThreshold × the check period
 * plus one timeout; its mean is computed in theory/health-check-detection.
 */
export const healthDetection = defineScenario({
  ...healthDetectionSpec,
  // Failures come one after another, so fewer of them make a shorter run through the same checks.
  warmUp: (p) => ({ ...p, failures: Math.max(1, Math.round(p.failures / 10)) }),
  run(p, seed, options = {}): HealthDetectionResult {
    const n = p.backends;
    const check: ActiveHealthCheckOptions = {
      intervalMs: p.interval,
      timeoutMs: p.timeout,
      healthyThreshold: p.healthyThreshold,
      unhealthyThreshold: p.unhealthyThreshold,
      intervalJitterMs: p.jitter,
      initialJitterMs: p.interval,
    };
    const mode: ProbeFailureMode = p.failureMode;
    const bound = worstCaseDetectionMs(check);
    const period = Math.max(p.interval + p.jitter, p.timeout);

    const sim = new Simulation(seed);
    const failures = new FailureEpisodes(sim, FAILING, {
      count: p.failures,
      // Long enough to be let back in (and for an ejection to run out) before the next failure.
      gapMs: p.healthyThreshold * period + p.timeout + SETTLE_MS + (p.outlierDetection ? OUTLIER_MAX_EJECTION_MS + OUTLIER_INTERVAL_MS : 0),
      // Long enough to be detected by the checks alone, whatever the draw.
      outageMs: bound + period,
      spreadMs: FAILURE_SPREAD_PERIODS * period,
    });
    const endMs = failures.endMs;
    const timelineEnd = failures.records.length > 1 ? failures.records[1].startMs : endMs;

    const ids = uniformHosts(n).map((h) => h.id);
    const outage = failures.faultWindows({ kind: 'outage', mode: mode === 'hang' ? 'hang' : 'fail-fast' });
    const cluster = new BackendCluster(
      sim,
      ids.map((id, i) => ({ id, workers: WORKERS, serviceMs: SERVICE_MS, errorProbability: i === FLAKY ? p.flakyErrorRate : 0, faults: i === FAILING ? outage : [] })),
      PROBE_MS,
    );
    const balancer = new HealthAwareBalancer(new RoundRobinBalancer(uniformHosts(n)));
    const ledger = new RequestLedger();
    const timeline = new HealthTimelineRecorder(ids, timelineEnd, TIMELINE_BUCKETS);
    const flaky = new RotationDowntime(FLAKY, endMs);
    const health = new HealthRotation(sim, {
      cluster,
      balancer,
      untilMs: endMs,
      activeChecks: check,
      outlierDetection: p.outlierDetection ? OUTLIER_DETECTION : undefined,
      checked: (host, startedAt, _now, ok) => timeline.checked(host, startedAt, ok),
      changed: (change) => {
        timeline.rotationChanged(change);
        flaky.rotationChanged(change);
        failures.rotationChanged(change);
      },
    });
    const caller = new BalancedCaller(sim, {
      services: cluster.services,
      picker: balancer,
      ledger,
      timeoutMs: REQUEST_TIMEOUT_MS,
      observer: {
        sent: (call, now) => {
          timeline.sent(call, now);
          failures.sent(call, now);
        },
        ended: (call) => health.report(call),
      },
    });
    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(p.rate), untilMs: endMs, send: () => caller.call() });
    drainAndBalance(sim, ledger, { arrivals: clients, untilMs: endMs, maxTimeMs: endMs + REQUEST_TIMEOUT_MS + 1, fractionDone: () => sim.now / endMs }, options);

    const detection = failures.stats();
    return {
      summary: {
        detectionTimeMean: detection.mean,
        detectionTimeStdev: detection.stdev,
        detectionTimeP95: detection.p95,
        detectionTimeMax: detection.max,
        expectedDetectionTime: expectedActiveDetectionMs(check, mode, PROBE_MS),
        detectionBound: bound,
        detectedByChecks: detection.byChecks,
        detectedByOutlierDetection: detection.byOutlierDetection,
        undetected: detection.undetected,
        errorsBeforeDetection: detection.errorsBeforeDetection,
        flakyRemovals: flaky.removals,
        flakyOutFraction: flaky.outFraction(),
        failures: failures.records.length,
        ...ledger.counts(),
      },
      detectionTimes: failures.detectionTimes(),
      timeline: timeline.timeline(
        ids.map((_, i) => (i === FAILING ? 'fails' : i === FLAKY ? 'flaky' : 'steady')),
        failures.records,
      ),
    };
  },
});
