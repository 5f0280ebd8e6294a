import { BucketQuantiles } from '../engine/bucket-quantiles.ts';
import { LevelGauge } from '../engine/level-gauge.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import type { RequestOutcome } from './request-ledger.ts';
import type { WorkerPoolObserver } from './worker-pool.ts';

const rateColumns = ['independentOffered', 'independentGoodput', 'dependentOffered', 'dependentGoodput', 'failed', 'rejected', 'shed', 'callsToB'] as const;
const levelColumns = ['busyWorkers', 'queue'] as const;
type RateColumn = (typeof rateColumns)[number];
type LevelColumn = (typeof levelColumns)[number];
type LatencyColumn = 'independentLatencyP50' | 'independentLatencyP99';

/**
 * A service's traffic of two kinds, per bucket: requests it serves alone
 * (independent) and requests that need a call to a dependency (dependent).
 * - independentOffered, dependentOffered: new requests per second;
 * - independentGoodput, dependentGoodput: requests that succeeded per second;
 * - failed: dependent requests that failed or timed out, per second;
 * - rejected: dependent requests whose call the breaker or bulkhead refused, per second;
 * - shed: requests of either kind turned away by the service's full queue, per second;
 * - callsToB: calls that reached the dependency, per second;
 * - busyWorkers, queue: the service's busy workers and waiting requests, time-weighted means;
 * - independentLatencyP50, independentLatencyP99: arrival to answer of the
 *   independent requests that succeeded in the bucket, ms; null when none did.
 */
export interface MixedTrafficSeries {
  readonly bucketMs: number;
  readonly columns: Record<RateColumn | LevelColumn, number[]> & Record<LatencyColumn, (number | null)[]>;
}

/**
 * Records over [0, durationMs) (later events, the drain of the last
 * requests, are left out) and answers means over windows of the run.
 */
export class MixedTrafficMetrics implements WorkerPoolObserver {
  private readonly rates: SeriesRecorder<RateColumn>;
  private readonly levels: SeriesRecorder<LevelColumn>;
  private readonly busy: LevelGauge<LevelColumn>;
  private readonly waiting: LevelGauge<LevelColumn>;
  private readonly latency: BucketQuantiles;
  private closed = false;

  constructor(
    readonly bucketMs: number,
    readonly durationMs: number,
  ) {
    this.rates = new SeriesRecorder(bucketMs, durationMs, rateColumns);
    this.levels = new SeriesRecorder(bucketMs, durationMs, levelColumns);
    this.busy = new LevelGauge<LevelColumn>(this.levels, 'busyWorkers');
    this.waiting = new LevelGauge<LevelColumn>(this.levels, 'queue');
    this.latency = new BucketQuantiles(bucketMs, durationMs);
  }

  requestStarted(now: number, dependent: boolean): void {
    this.count(dependent ? 'dependentOffered' : 'independentOffered', now);
  }

  requestEnded(now: number, dependent: boolean, outcome: RequestOutcome, arrivedAt: number): void {
    switch (outcome) {
      case 'succeeded':
        this.count(dependent ? 'dependentGoodput' : 'independentGoodput', now);
        if (!dependent) this.latency.add(now, now - arrivedAt);
        break;
      case 'failed':
      case 'timedOut':
        this.count('failed', now);
        break;
      case 'rejected':
      case 'shed':
        this.count(outcome, now);
        break;
    }
  }

  callSent(now: number): void {
    this.count('callsToB', now);
  }

  busyChanged(now: number, busy: number): void {
    this.busy.set(now, busy);
  }

  queueChanged(now: number, waiting: number): void {
    this.waiting.set(now, waiting);
  }

  /** The run is over: closes the level columns at durationMs. Call once, before `mean` or `series`. */
  close(): void {
    if (this.closed) throw new Error('metrics closed twice');
    this.closed = true;
    this.busy.finish(this.durationMs);
    this.waiting.finish(this.durationMs);
  }

  /**
   * The mean of a column over [fromMs, toMs) (per second for a rate, the
   * level for a level), buckets cut by the bounds counting in proportion; 0
   * for an empty window.
   */
  mean(column: RateColumn | LevelColumn, fromMs: number, toMs: number): number {
    const from = Math.max(0, fromMs);
    const to = Math.min(this.durationMs, toMs);
    if (!(to > from)) return 0;
    const isRate = (rateColumns as readonly string[]).includes(column);
    const values = isRate ? this.rates.columns[column as RateColumn] : this.levels.columns[column as LevelColumn];
    const perBucket = isRate ? 1000 / this.bucketMs : 1;
    let sum = 0;
    for (let i = Math.floor(from / this.bucketMs); i < values.length && i * this.bucketMs < to; i++) {
      const overlap = Math.min(to, (i + 1) * this.bucketMs) - Math.max(from, i * this.bucketMs);
      sum += values[i] * perBucket * overlap;
    }
    return sum / (to - from);
  }

  series(): MixedTrafficSeries {
    const perSecond = 1000 / this.bucketMs;
    const columns = {} as MixedTrafficSeries['columns'];
    for (const c of rateColumns) columns[c] = this.rates.columns[c].map((n) => n * perSecond);
    for (const c of levelColumns) columns[c] = this.levels.columns[c].slice();
    [columns.independentLatencyP50, columns.independentLatencyP99] = this.latency.columnsWithGaps([0.5, 0.99]);
    return { bucketMs: this.bucketMs, columns };
  }

  private count(column: RateColumn, now: number): void {
    if (now < this.durationMs) this.rates.add(column, now);
  }
}
