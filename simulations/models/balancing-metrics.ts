import { BucketQuantiles } from '../engine/bucket-quantiles.ts';
import { LevelGauge } from '../engine/level-gauge.ts';
import { quantilesOf } from '../engine/select-quantile.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import type { BalancedCall, BalancedCallObserver } from './balanced-caller.ts';
import type { TimeWindow } from './fault-schedule.ts';
import type { RotationChange, RotationEvent } from './health-rotation.ts';
import type { LedgerCounts } from './request-ledger.ts';
import type { SpeedGroup, SpeedTier } from './speed-tiers.ts';

/** One backend's totals over the run. */
export interface BackendStats {
  readonly id: string;
  readonly group: SpeedGroup;
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

/** Per bucket over the run; rates per second, latencies null for a bucket with no success. */
export interface BalancingSeries {
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

/** The run's headline numbers; see lb-heterogeneous's summaryDoc. */
export type BalancingSummary = {
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

/** The faulty backend: the first fast one. */
const FAULTY = 0;

/** The p50 and p99 of `values`, or nulls when there are none. */
function p50AndP99(values: number[]): [number | null, number | null] {
  if (values.length === 0) return [null, null];
  const [p50, p99] = quantilesOf(values, [0.5, 0.99]);
  return [p50!, p99!];
}

/**
 * What a client balancing over backends of uneven speed saw: where its
 * requests went (per backend, per speed group, and to the faulty backend
 * during its fault), how they ended and how long they took, and the
 * backends leaving and rejoining the rotation. Requests and rotation
 * changes after `durationMs` (the drain) count in the totals but not in the
 * series.
 */
export class BalancingMetrics implements BalancedCallObserver {
  /** Backends leaving and rejoining the rotation, in time order. */
  readonly rotation: RotationEvent[] = [];
  private readonly counts: SeriesRecorder<'offered' | 'goodput' | 'errors' | 'unavailable'>;
  private readonly perHost: SeriesRecorder<string>;
  /** perHost's column of each backend, by index: looked up once rather than by the backend's id on every request. */
  private readonly perHostColumns: number[][];
  private readonly offeredColumn: number[];
  private readonly goodputColumn: number[];
  private readonly errorsColumn: number[];
  private readonly bucketLatency: BucketQuantiles;
  private readonly unavailable: LevelGauge<'unavailable'>;
  private readonly sentTo: Float64Array;
  private readonly sentInFault: Float64Array;
  private readonly errorsByHost: Float64Array;
  private readonly latencyByHost: number[][];
  private readonly latencies: number[] = [];
  private removals = 0;

  constructor(
    private readonly tiers: readonly SpeedTier[],
    private readonly bucketMs: number,
    private readonly durationMs: number,
    /** The faulty backend's fault; empty (start = end) when there is none. */
    private readonly fault: TimeWindow,
  ) {
    const n = tiers.length;
    this.counts = new SeriesRecorder(bucketMs, durationMs, ['offered', 'goodput', 'errors', 'unavailable']);
    this.perHost = new SeriesRecorder<string>(bucketMs, durationMs, tiers.map((t) => t.id));
    this.perHostColumns = tiers.map((t) => this.perHost.columns[t.id]);
    this.offeredColumn = this.counts.columns.offered;
    this.goodputColumn = this.counts.columns.goodput;
    this.errorsColumn = this.counts.columns.errors;
    this.bucketLatency = new BucketQuantiles(bucketMs, durationMs);
    this.unavailable = new LevelGauge(this.counts, 'unavailable');
    this.sentTo = new Float64Array(n);
    this.sentInFault = new Float64Array(n);
    this.errorsByHost = new Float64Array(n);
    this.latencyByHost = tiers.map(() => []);
  }

  /** A request arrived (whether or not the balancer finds it a backend). */
  offered(now: number): void {
    this.offeredColumn[this.counts.bucketOf(now)]++;
  }

  sent(call: BalancedCall, now: number): void {
    this.sentTo[call.host]++;
    if (now >= this.fault.startMs && now < this.fault.endMs) this.sentInFault[call.host]++;
    if (now < this.durationMs) this.perHostColumns[call.host][this.perHost.bucketOf(now)]++;
  }

  ended(call: BalancedCall, now: number): void {
    const inRun = now < this.durationMs;
    if (call.outcome === 'succeeded') {
      const ms = now - call.sentAt;
      this.latencies.push(ms);
      this.latencyByHost[call.host].push(ms);
      if (inRun) {
        this.goodputColumn[this.counts.bucketOf(now)]++;
        this.bucketLatency.add(now, ms);
      }
    } else {
      if (call.host >= 0) this.errorsByHost[call.host]++;
      if (inRun) this.errorsColumn[this.counts.bucketOf(now)]++;
    }
  }

  /** A backend left or rejoined the rotation; `availableCount` backends are in it now. */
  rotationChanged(change: RotationChange, availableCount: number): void {
    this.rotation.push({ t: change.t, host: change.host, kind: change.kind });
    if (change.wasAvailable && !change.available) this.removals++;
    this.unavailable.set(change.t, this.tiers.length - availableCount);
  }

  /** The run is over: closes the time-weighted count of backends out of rotation. */
  close(): void {
    this.unavailable.finish(this.durationMs);
  }

  summary(counts: LedgerCounts): BalancingSummary {
    const sent = this.sentTo;
    const totalSent = sent.reduce((a, b) => a + b, 0);
    const shareOf = (g: SpeedGroup) => (totalSent > 0 ? sent.reduce((a, s, i) => a + (this.tiers[i].group === g ? s : 0), 0) / totalSent : 0);
    const totalInFault = this.sentInFault.reduce((a, b) => a + b, 0);
    const [latencyP50, latencyP99] = p50AndP99(this.latencies);
    return {
      latencyP50: latencyP50 ?? 0,
      latencyP99: latencyP99 ?? 0,
      errorRate: counts.requests > 0 ? (counts.requests - counts.succeeded) / counts.requests : 0,
      fastShare: shareOf('fast'),
      normalShare: shareOf('normal'),
      slowShare: shareOf('slow'),
      faultyShare: totalInFault > 0 ? this.sentInFault[FAULTY] / totalInFault : 0,
      faultyFairShare: this.tiers[FAULTY].speed / this.tiers.reduce((a, t) => a + t.speed, 0),
      removals: this.removals,
      ...counts,
    };
  }

  backends(): BackendStats[] {
    const totalSent = this.sentTo.reduce((a, b) => a + b, 0);
    return this.tiers.map((t, i) => {
      const [latencyP50, latencyP99] = p50AndP99(this.latencyByHost[i]);
      return {
        id: t.id,
        group: t.group,
        speed: t.speed,
        requests: this.sentTo[i],
        share: totalSent > 0 ? this.sentTo[i] / totalSent : 0,
        errors: this.errorsByHost[i],
        latencyP50,
        latencyP99,
      };
    });
  }

  series(): BalancingSeries {
    const perSecond = 1000 / this.bucketMs;
    const { columns } = this.counts;
    const [latencyP50, latencyP99] = this.bucketLatency.columnsWithGaps([0.5, 0.99]);
    return {
      bucketMs: this.bucketMs,
      columns: {
        offered: columns.offered.map((x) => x * perSecond),
        goodput: columns.goodput.map((x) => x * perSecond),
        errors: columns.errors.map((x) => x * perSecond),
        unavailable: columns.unavailable.slice(),
        latencyP50,
        latencyP99,
      },
      perHost: this.tiers.map((t) => this.perHost.columns[t.id].map((x) => x * perSecond)),
    };
  }
}
