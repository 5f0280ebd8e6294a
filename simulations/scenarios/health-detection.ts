import { OutlierDetector, worstCaseDetectionMs, type ActiveHealthCheckOptions, type OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import { HealthAwareBalancer, RoundRobinBalancer, uniformHosts, type HealthFlag } from '../../src/resilience/load-balancing/index.ts';
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
import { expectedActiveDetectionMs, type ProbeFailureMode } from '../theory/health-check-detection.ts';

const params = {
  interval: intParam({ label: 'Check interval', unit: 'ms', default: 1000, min: 100, max: 5000, step: 100, scale: 'log', help: 'Time between the starts of two checks of a backend.' }),
  timeout: intParam({ label: 'Check timeout', unit: 'ms', default: 500, min: 10, max: 5000, step: 10, scale: 'log', help: 'A check with no answer by then has failed.' }),
  healthyThreshold: intParam({ label: 'Healthy threshold', default: 2, min: 1, max: 10, help: 'Passed checks in a row that bring a backend back.' }),
  unhealthyThreshold: intParam({ label: 'Unhealthy threshold', default: 3, min: 1, max: 10, help: 'Failed checks in a row that take a backend out.' }),
  jitter: intParam({ label: 'Interval jitter', unit: 'ms', default: 100, min: 0, max: 2000, step: 10, help: 'Up to this much is added to each interval, at random.' }),
  failureMode: enumParam({
    label: 'Failure',
    default: 'hang',
    options: ['hang', 'refuse'],
    optionLabels: { hang: 'stops answering (checks time out)', refuse: 'refuses connections (checks fail at once)' },
    help: 'How the failing backend fails, for requests and checks alike.',
  }),
  outlierDetection: booleanParam({
    label: 'Outlier detection',
    default: false,
    help: 'Passive checks too: eject after 5 errors in a row, or a success rate below mean − 1.9 stdev; at most half the backends out.',
  }),
  flakyErrorRate: numberParam({
    label: 'Flaky backend error rate',
    default: 0.1,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'A second backend is healthy but fails this share of requests and checks: what a detector should leave alone.',
  }),
  backends: intParam({ label: 'Backends', default: 5, min: 3, max: 20 }),
  rate: intParam({ label: 'Traffic', unit: 'req/s', default: 100, min: 10, max: 200, step: 10, help: 'Requests per second over all backends (round robin over those in rotation).' }),
  failures: intParam({ label: 'Failures', default: 20, min: 1, max: 30, help: 'Failures simulated one after another, each at a random moment, for the spread of detection times.' }),
};

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
/** Check periods over which each failure's start is spread (see failureWindows). */
const FAILURE_SPREAD_PERIODS = 4;
/** Buckets in the timeline's traffic-share series, about. */
const TIMELINE_BUCKETS = 120;

export type RotationKind = 'unhealthy' | 'healthy' | 'ejected' | 'unejected';

/**
 * The first failure and the recovery after it, for a health-check timeline:
 * every check of every backend, every threshold crossing and ejection, and
 * each backend's share of the traffic over time.
 */
export interface HealthTimeline {
  /** The timeline covers [0, endMs). */
  readonly endMs: number;
  readonly hosts: string[];
  /** What each backend is: the one that fails, the flaky one, or a steady one. */
  readonly roles: ('fails' | 'flaky' | 'steady')[];
  /** The failing backend's outage(s) within the timeline. */
  readonly failures: { readonly startMs: number; readonly endMs: number }[];
  /** Each check, at the time it started, with its verdict. */
  readonly checks: { readonly t: number; readonly host: number; readonly ok: boolean }[];
  /** Threshold crossings of active checking (unhealthy, healthy) and outlier ejections and returns. */
  readonly events: { readonly t: number; readonly host: number; readonly kind: RotationKind }[];
  /** perHost[h][i]: backend h's share of the requests sent in bucket i (0 for every backend in a bucket with none). */
  readonly share: { readonly bucketMs: number; readonly perHost: number[][] };
}

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

/** One failure of the failing backend, and what was seen of it. */
interface FailureRecord {
  readonly startMs: number;
  readonly endMs: number;
  detectedAt: number;
  detectedBy: 'checks' | 'outlier-detection' | undefined;
  /** Requests sent to the failing backend between the failure and its detection: every one of them fails. */
  errorsBeforeDetection: number;
}

function niceBucket(ms: number): number {
  for (const b of [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 30_000, 60_000]) if (b >= ms) return b;
  return 60_000;
}

/**
 * The failure schedule: healthy, fail for `outageMs`, healthy again, ...
 * Each failure starts `gapMs` plus a uniform extra of up to `spreadMs` after
 * the previous one ended. The extra spans several check periods: with
 * jittered intervals one period is not enough to make the failure land at a
 * uniformly random point of the check schedule (the schedule's phase at the
 * end of the gap still remembers the last outage), and a failure that does
 * not is what the theory's E[R] would misjudge.
 */
function failureWindows(count: number, gapMs: number, outageMs: number, spreadMs: number, random: () => number): FailureRecord[] {
  const out: FailureRecord[] = [];
  let t = 0;
  for (let k = 0; k < count; k++) {
    const startMs = t + gapMs + random() * spreadMs;
    out.push({ startMs, endMs: startMs + outageMs, detectedAt: NaN, detectedBy: undefined, errorsBeforeDetection: 0 });
    t = startMs + outageMs;
  }
  return out;
}

function meanAndStdev(xs: readonly number[]): { mean: number; stdev: number } {
  if (xs.length === 0) return { mean: 0, stdev: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.length > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, stdev: Math.sqrt(variance) };
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
  name: 'health-detection',
  title: 'Health checks: time to detect a failure',
  description:
    'A backend fails at random moments; active health checks (interval, timeout, thresholds, jitter) and optionally outlier detection take it out of rotation. Detection time against its bound, errors served meanwhile, and false ejections of a flaky but healthy backend.',
  params,
  summaryDoc: {
    detectionTimeMean: 'mean time from a failure to the failing backend leaving the rotation, over the detected failures, ms',
    detectionTimeStdev: 'standard deviation of the detection time over the failures, ms',
    detectionTimeP95: '95th percentile of the detection time, ms',
    detectionTimeMax: 'longest detection time, ms',
    expectedDetectionTime:
      'theory, active checks alone: E[R] + (unhealthyThreshold − 1)·E[gap between failing checks] + (timeout when hanging, probe latency when refused), R the wait for the next check (interval/2 without jitter), ms',
    detectionBound: 'worst case for active checks: unhealthyThreshold × max(interval + jitter, timeout) + timeout, ms',
    detectedByChecks: 'failures first detected by active health checks',
    detectedByOutlierDetection: 'failures first detected by outlier detection',
    undetected: 'failures never detected while they lasted',
    errorsBeforeDetection: 'requests sent to the failing backend between its failure and its detection, per failure (all of them fail)',
    flakyRemovals: 'times the flaky but healthy backend was taken out of rotation: false ejections',
    flakyOutFraction: 'fraction of the run the flaky backend spent out of rotation',
    failures: 'failures simulated',
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests answered with an error or refused',
    rejected: 'requests for which the balancer had no backend',
    timedOut: 'requests with no answer within the request timeout (1 s)',
    shed: 'requests turned away by a full queue (none: no backend queues here)',
  },
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
    // Long enough to be detected by the checks alone, whatever the draw.
    const outageMs = bound + period;
    // Long enough to be let back in (and for an ejection to run out) before the next failure.
    const gapMs = p.healthyThreshold * period + p.timeout + SETTLE_MS + (p.outlierDetection ? OUTLIER_MAX_EJECTION_MS + OUTLIER_INTERVAL_MS : 0);

    const sim = new Simulation(seed);
    const failures = failureWindows(p.failures, gapMs, outageMs, FAILURE_SPREAD_PERIODS * period, sim.streams.stream('failures'));
    const endMs = failures[failures.length - 1].endMs;
    const timelineEnd = failures.length > 1 ? failures[1].startMs : endMs;

    const ids = uniformHosts(n).map((h) => h.id);
    const roles = ids.map((_, i): HealthTimeline['roles'][number] => (i === FAILING ? 'fails' : i === FLAKY ? 'flaky' : 'steady'));
    const outage: Fault = { kind: 'outage', mode: mode === 'hang' ? 'hang' : 'fail-fast' };
    const schedules = ids.map((_, i) => new FaultSchedule(i === FAILING ? failures.map((f) => ({ startMs: f.startMs, endMs: f.endMs, fault: outage })) : []));
    const errorRates = ids.map((_, i) => (i === FLAKY ? p.flakyErrorRate : 0));
    const services = ids.map(
      (id, i) => new Service(sim, { name: id, workers: WORKERS, serviceTime: { kind: 'exponential', mean: SERVICE_MS }, errorProbability: errorRates[i], faults: schedules[i] }),
    );
    const balancer = new HealthAwareBalancer(new RoundRobinBalancer(uniformHosts(n)));
    const ledger = new RequestLedger();

    const bucketMs = niceBucket(timelineEnd / TIMELINE_BUCKETS);
    const shareCounts = new SeriesRecorder<string>(bucketMs, timelineEnd, ids);
    const checks: HealthTimeline['checks'] = [];
    const events: HealthTimeline['events'] = [];
    let current = 0; // index of the failure in progress, or of the next one
    let flakyRemovals = 0;
    let flakyOutSince = NaN;
    let flakyOutMs = 0;
    // Why the failing backend is out of rotation, if it is: the balancer only says whether.
    const failingOut: Record<HealthFlag, boolean> = { 'active-check': false, outlier: false };

    const setOut = (host: number, flag: HealthFlag, out: boolean, kind: RotationKind) => {
      const now = sim.now;
      const wasAvailable = balancer.isAvailable(host);
      balancer.setFailed(host, flag, out, now);
      const available = balancer.isAvailable(host);
      if (now < timelineEnd) events.push({ t: now, host, kind });
      if (host === FLAKY && wasAvailable !== available) {
        // Only time within the run counts: requests still draining after it may eject the flaky backend once more.
        if (!available) {
          flakyRemovals++;
          flakyOutSince = Math.min(now, endMs);
        } else {
          flakyOutMs += Math.min(now, endMs) - flakyOutSince;
        }
      }
      if (host === FAILING) {
        failingOut[flag] = out;
        const f = failures[current];
        if (wasAvailable && !available && f && now >= f.startMs && now < f.endMs && f.detectedBy === undefined) {
          f.detectedAt = now;
          f.detectedBy = flag === 'active-check' ? 'checks' : 'outlier-detection';
        }
      }
    };

    for (const f of failures) {
      // A failure that begins with the backend still out counts as detected at once (the gap between failures is meant to prevent it).
      sim.at(f.startMs, () => {
        if (balancer.isAvailable(FAILING)) return;
        f.detectedAt = f.startMs;
        f.detectedBy = failingOut['active-check'] ? 'checks' : 'outlier-detection';
      });
      sim.at(f.endMs, () => current++);
    }

    let outliers: OutlierDriver | undefined;
    const caller = new BalancedCaller(sim, {
      services,
      picker: balancer,
      ledger,
      timeoutMs: REQUEST_TIMEOUT_MS,
      observer: {
        sent: (call, now) => {
          if (now < timelineEnd) shareCounts.add(ids[call.host], now);
          const f = failures[current];
          if (call.host === FAILING && f && now >= f.startMs && f.detectedBy === undefined) f.errorsBeforeDetection++;
        },
        ended: (call: BalancedCall) => outliers?.report(call),
      },
    });

    const probes = sim.streams.stream('probes');
    new HealthCheckDriver(sim, {
      hosts: n,
      check,
      untilMs: endMs,
      probe: (host, now) => probeAnswer(schedules[host], errorRates[host], now, probes, PROBE_MS),
      observer: {
        checked: (host, startedAt, _now, ok) => {
          if (startedAt < timelineEnd) checks.push({ t: startedAt, host, ok });
        },
        transition: (host, _now, t) => setOut(host, 'active-check', t === 'became-unhealthy', t === 'became-unhealthy' ? 'unhealthy' : 'healthy'),
      },
    });
    if (p.outlierDetection) {
      const detector = new OutlierDetector(n, OUTLIER_DETECTION, sim.now, sim.streams.stream('outlier-detection'));
      outliers = new OutlierDriver(sim, detector, endMs, (e) => {
        if (e.kind === 'ejected') setOut(e.host, 'outlier', true, 'ejected');
        else if (e.kind === 'unejected') setOut(e.host, 'outlier', false, 'unejected');
      });
    }

    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(p.rate), untilMs: endMs, send: () => caller.call() });
    drainAndBalance(sim, ledger, { arrivals: clients, maxTimeMs: endMs + REQUEST_TIMEOUT_MS + 1, fractionDone: () => sim.now / endMs }, options);
    if (!balancer.isAvailable(FLAKY)) flakyOutMs += endMs - flakyOutSince;

    const detected = failures.filter((f) => f.detectedBy !== undefined);
    const times = detected.map((f) => f.detectedAt - f.startMs);
    const { mean, stdev } = meanAndStdev(times);
    const perHost = ids.map((id) => shareCounts.columns[id]);
    const bucketTotals = perHost[0].map((_, b) => perHost.reduce((a, col) => a + col[b], 0));
    return {
      summary: {
        detectionTimeMean: mean,
        detectionTimeStdev: stdev,
        detectionTimeP95: times.length > 0 ? selectQuantile(Float64Array.from(times), 0.95) : 0,
        detectionTimeMax: times.reduce((a, b) => Math.max(a, b), 0),
        expectedDetectionTime: expectedActiveDetectionMs(check, mode, PROBE_MS),
        detectionBound: bound,
        detectedByChecks: detected.filter((f) => f.detectedBy === 'checks').length,
        detectedByOutlierDetection: detected.filter((f) => f.detectedBy === 'outlier-detection').length,
        undetected: failures.length - detected.length,
        errorsBeforeDetection: failures.reduce((a, f) => a + f.errorsBeforeDetection, 0) / failures.length,
        flakyRemovals,
        flakyOutFraction: flakyOutMs / endMs,
        failures: failures.length,
        ...ledger.counts(),
      },
      detectionTimes: failures.map((f) => (f.detectedBy === undefined ? null : f.detectedAt - f.startMs)),
      timeline: {
        endMs: timelineEnd,
        hosts: ids,
        roles,
        failures: failures.filter((f) => f.startMs < timelineEnd).map((f) => ({ startMs: f.startMs, endMs: Math.min(f.endMs, timelineEnd) })),
        checks,
        events,
        share: { bucketMs, perHost: perHost.map((col) => col.map((c, b) => (bucketTotals[b] > 0 ? c / bucketTotals[b] : 0))) },
      },
    };
  },
});
