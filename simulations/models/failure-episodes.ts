import type { HealthFlag } from '../../src/resilience/load-balancing/index.ts';
import type { RandomSource } from '../../src/resilience/random.ts';
import { selectQuantile } from '../engine/select-quantile.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { BalancedCall } from './balanced-caller.ts';
import type { Fault, FaultWindow } from './fault-schedule.ts';
import type { RotationChange } from './health-rotation.ts';

/** One failure of the failing backend, and what was seen of it. */
export interface FailureRecord {
  readonly startMs: number;
  readonly endMs: number;
  detectedAt: number;
  detectedBy: 'checks' | 'outlier-detection' | undefined;
  /** Requests sent to the failing backend between the failure and its detection: every one of them fails. */
  errorsBeforeDetection: number;
}

export interface FailureEpisodesOptions {
  /** Failures, one after another. */
  readonly count: number;
  /** Healthy time before each failure, at least, ms. */
  readonly gapMs: number;
  /** How long each failure lasts, ms. */
  readonly outageMs: number;
  /** A uniform extra of up to this much is added to each gap, ms. */
  readonly spreadMs: number;
}

/** How fast the failures were detected; times in ms, over the detected ones. */
export interface DetectionStats {
  readonly mean: number;
  readonly stdev: number;
  readonly p95: number;
  readonly max: number;
  readonly byChecks: number;
  readonly byOutlierDetection: number;
  readonly undetected: number;
  /** Requests sent to the failing backend between a failure and its detection, per failure. */
  readonly errorsBeforeDetection: number;
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
function failureWindows(o: FailureEpisodesOptions, random: RandomSource): FailureRecord[] {
  const out: FailureRecord[] = [];
  let t = 0;
  for (let k = 0; k < o.count; k++) {
    const startMs = t + o.gapMs + random() * o.spreadMs;
    out.push({ startMs, endMs: startMs + o.outageMs, detectedAt: NaN, detectedBy: undefined, errorsBeforeDetection: 0 });
    t = startMs + o.outageMs;
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
 * A backend that fails again and again, each time at a random moment, and
 * when each failure was first noticed: the first time the backend left the
 * rotation during it, and by which mechanism. Fed the rotation changes and
 * the requests sent, it also counts the requests each failure cost before
 * its detection.
 */
export class FailureEpisodes {
  readonly records: readonly FailureRecord[];
  /** Index of the failure in progress, or of the next one. */
  private current = 0;
  private available = true;
  // Why the failing backend is out of rotation, if it is: a change says only whether.
  private readonly out: Record<HealthFlag, boolean> = { 'active-check': false, outlier: false };

  constructor(
    sim: Simulation,
    /** The backend that fails. */
    readonly host: number,
    options: FailureEpisodesOptions,
  ) {
    this.records = failureWindows(options, sim.streams.stream('failures'));
    for (const f of this.records) {
      // A failure that begins with the backend still out counts as detected at once (the gap between failures is meant to prevent it).
      sim.at(f.startMs, () => {
        if (this.available) return;
        f.detectedAt = f.startMs;
        f.detectedBy = this.out['active-check'] ? 'checks' : 'outlier-detection';
      });
      sim.at(f.endMs, () => this.current++);
    }
  }

  /** When the last failure ends, ms. */
  get endMs(): number {
    return this.records[this.records.length - 1].endMs;
  }

  /** The failures as fault windows of the failing backend. */
  faultWindows(fault: Fault): FaultWindow[] {
    return this.records.map((f) => ({ startMs: f.startMs, endMs: f.endMs, fault }));
  }

  sent(call: BalancedCall, now: number): void {
    const f = this.records[this.current];
    if (call.host === this.host && f && now >= f.startMs && f.detectedBy === undefined) f.errorsBeforeDetection++;
  }

  rotationChanged(change: RotationChange): void {
    if (change.host !== this.host) return;
    this.out[change.flag] = change.kind === 'unhealthy' || change.kind === 'ejected';
    this.available = change.available;
    const f = this.records[this.current];
    const { t } = change;
    if (change.wasAvailable && !change.available && f && t >= f.startMs && t < f.endMs && f.detectedBy === undefined) {
      f.detectedAt = t;
      f.detectedBy = change.flag === 'active-check' ? 'checks' : 'outlier-detection';
    }
  }

  /** Each failure's detection time, ms, in order; null if it was never detected. */
  detectionTimes(): (number | null)[] {
    return this.records.map((f) => (f.detectedBy === undefined ? null : f.detectedAt - f.startMs));
  }

  stats(): DetectionStats {
    const detected = this.records.filter((f) => f.detectedBy !== undefined);
    const times = detected.map((f) => f.detectedAt - f.startMs);
    const { mean, stdev } = meanAndStdev(times);
    return {
      mean,
      stdev,
      p95: times.length > 0 ? selectQuantile(Float64Array.from(times), 0.95) : 0,
      max: times.reduce((a, b) => Math.max(a, b), 0),
      byChecks: detected.filter((f) => f.detectedBy === 'checks').length,
      byOutlierDetection: detected.filter((f) => f.detectedBy === 'outlier-detection').length,
      undetected: this.records.length - detected.length,
      errorsBeforeDetection: this.records.reduce((a, f) => a + f.errorsBeforeDetection, 0) / this.records.length,
    };
  }
}
