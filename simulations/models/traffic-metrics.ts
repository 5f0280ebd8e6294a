import { BucketQuantiles } from '../engine/bucket-quantiles.ts';
import { LevelGauge } from '../engine/level-gauge.ts';
import { SeriesRecorder, type TimeSeries } from '../engine/time-series.ts';
import type { Job, ServiceObserver } from './service.ts';

const rateColumns = ['offered', 'attempts', 'goodput', 'errors', 'timeouts'] as const;
const levelColumns = ['queue', 'inService'] as const;
type RateColumn = (typeof rateColumns)[number];
type LevelColumn = (typeof levelColumns)[number];

/**
 * The columns of a traffic series, per bucket:
 * - offered: new requests per second (retries not included);
 * - attempts: attempts sent per second, retries included;
 * - goodput: requests that succeeded per second;
 * - errors: attempts answered with an error, shed or refused, per second;
 * - timeouts: attempts the client stopped waiting for, per second;
 * - queue: mean number of jobs waiting in the service (time-weighted);
 * - inService: mean number of jobs being worked on, abandoned work included;
 * - latencyP50, latencyP99: the service's response time (queue wait + work)
 *   of jobs it finished in the bucket, ms, whether or not their client still
 *   waited: the delay a new attempt would face, which is what a timeout is
 *   measured against. NaN for a bucket in which no job finished.
 */
export type TrafficColumn = RateColumn | LevelColumn | 'latencyP50' | 'latencyP99';

export const trafficColumns: readonly TrafficColumn[] = [...rateColumns, ...levelColumns, 'latencyP50', 'latencyP99'];

/**
 * Counts what clients and a service do, per time bucket, over [0, durationMs).
 * Events after durationMs (a run draining its last requests) are left out of
 * the series, so that the last bucket is not a pile-up of the drain.
 */
export class TrafficMetrics implements ServiceObserver {
  private readonly rates: SeriesRecorder<RateColumn>;
  private readonly levels: SeriesRecorder<LevelColumn>;
  private readonly queue: LevelGauge<LevelColumn>;
  private readonly inService: LevelGauge<LevelColumn>;
  private readonly latency: BucketQuantiles;
  /** The rate columns, each looked up once (see SeriesRecorder.bucketOf). */
  private readonly offered: number[];
  private readonly attempts: number[];
  private readonly goodputs: number[];
  private readonly errors: number[];
  private readonly timeouts: number[];

  constructor(
    readonly bucketMs: number,
    readonly durationMs: number,
  ) {
    if (!(bucketMs > 0 && durationMs > 0)) throw new RangeError(`bucketMs and durationMs must be > 0, got ${bucketMs} and ${durationMs}`);
    this.rates = new SeriesRecorder(bucketMs, durationMs, rateColumns);
    this.levels = new SeriesRecorder(bucketMs, durationMs, levelColumns);
    this.queue = new LevelGauge<LevelColumn>(this.levels, 'queue');
    this.inService = new LevelGauge<LevelColumn>(this.levels, 'inService');
    this.latency = new BucketQuantiles(bucketMs, durationMs);
    const rates = this.rates.columns;
    this.offered = rates.offered;
    this.attempts = rates.attempts;
    this.goodputs = rates.goodput;
    this.errors = rates.errors;
    this.timeouts = rates.timeouts;
  }

  requestStarted(now: number): void {
    this.count(this.offered, now);
  }

  attemptSent(now: number): void {
    this.count(this.attempts, now);
  }

  attemptFailed(now: number): void {
    this.count(this.errors, now);
  }

  attemptTimedOut(now: number): void {
    this.count(this.timeouts, now);
  }

  requestSucceeded(now: number): void {
    this.count(this.goodputs, now);
  }

  queueChanged(now: number, waiting: number): void {
    this.queue.set(now, waiting);
  }

  busyChanged(now: number, busy: number): void {
    this.inService.set(now, busy);
  }

  workDone(now: number, job: Job): void {
    this.latency.add(now, now - job.arrivedAt);
  }

  /**
   * Successful requests per second over [fromMs, toMs). Buckets the interval
   * cuts count in proportion to the overlap, so the answer is exact when the
   * bounds fall on bucket edges.
   */
  goodput(fromMs: number, toMs: number): number {
    const from = Math.max(0, fromMs);
    const to = Math.min(this.durationMs, toMs);
    if (!(to > from)) return 0;
    const col = this.rates.columns.goodput;
    let n = 0;
    for (let i = Math.floor(from / this.bucketMs); i < col.length && i * this.bucketMs < to; i++) {
      const lo = Math.max(from, i * this.bucketMs);
      const hi = Math.min(to, (i + 1) * this.bucketMs);
      n += (col[i] * (hi - lo)) / this.bucketMs;
    }
    return (n * 1000) / (to - from);
  }

  /** The series so far; the level columns are closed at durationMs. */
  series(): TimeSeries<TrafficColumn> {
    this.queue.finish(this.durationMs);
    this.inService.finish(this.durationMs);
    const perSecond = 1000 / this.bucketMs;
    const columns = {} as Record<TrafficColumn, number[]>;
    for (const c of rateColumns) columns[c] = this.rates.columns[c].map((n) => n * perSecond);
    for (const c of levelColumns) columns[c] = this.levels.columns[c].slice();
    [columns.latencyP50, columns.latencyP99] = this.latency.columns([0.5, 0.99]);
    return { bucketMs: this.bucketMs, columns };
  }

  private count(column: number[], now: number): void {
    if (now < this.durationMs) column[this.rates.bucketOf(now)]++;
  }
}
