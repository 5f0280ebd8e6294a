import { quantilesOf } from '../engine/select-quantile.ts';
import { BucketQuantiles } from '../engine/bucket-quantiles.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import type { AttemptEnding, ProtectedCallObserver } from './protected-caller.ts';
import type { RequestOutcome } from './request-ledger.ts';

const countColumns = ['offered', 'dependencyCalls', 'successes', 'errors', 'rejected'] as const;
type CountColumn = (typeof countColumns)[number];

/**
 * Per bucket, what a protected caller and its dependency did:
 * - offered: new requests per second (retries not included);
 * - dependencyCalls: attempts that reached the dependency per second;
 * - successes: requests that succeeded per second;
 * - errors: attempts that reached the dependency and failed (error, timeout
 *   or shed) per second, counted when the caller learnt it: what a breaker counts;
 * - rejected: attempts turned away by the breaker or the bulkhead per second;
 * - latencyP50, latencyP99: time from a request's start to its end (any
 *   outcome, rejections included) of the requests that ended in the bucket, ms;
 * - errorRate: errors / (errors + successful attempts) among the attempts
 *   that ended in the bucket.
 * A bucket with nothing to measure holds null (a gap in a chart), not NaN,
 * so a result survives JSON unchanged.
 */
export interface CallerSeries {
  /** Width of a bucket, ms; bucket i covers [i·bucketMs, (i+1)·bucketMs). */
  readonly bucketMs: number;
  readonly columns: Record<CountColumn, number[]> & Record<'latencyP50' | 'latencyP99' | 'errorRate', (number | null)[]>;
}

/**
 * Counts what callers see over [0, durationMs) in buckets; events after
 * durationMs (a run draining its last requests) stay out of the series but
 * in the totals (`attemptsSentBetween`, `latencyQuantiles`).
 */
export class CallerMetrics implements ProtectedCallObserver {
  private readonly counts: SeriesRecorder<CountColumn>;
  private readonly attemptSuccesses: SeriesRecorder<'n'>;
  private readonly latency: BucketQuantiles;
  private readonly sentTimes: number[] = [];
  private readonly latencies: number[] = [];

  constructor(
    readonly bucketMs: number,
    readonly durationMs: number,
  ) {
    this.counts = new SeriesRecorder(bucketMs, durationMs, countColumns);
    this.attemptSuccesses = new SeriesRecorder(bucketMs, durationMs, ['n']);
    this.latency = new BucketQuantiles(bucketMs, durationMs);
  }

  requestStarted(now: number): void {
    this.count('offered', now);
  }

  requestEnded(now: number, outcome: RequestOutcome, startedAt: number): void {
    const ms = now - startedAt;
    this.latencies.push(ms);
    this.latency.add(now, ms);
    if (outcome === 'succeeded') this.count('successes', now);
  }

  attemptSent(now: number): void {
    this.sentTimes.push(now);
    this.count('dependencyCalls', now);
  }

  attemptEnded(now: number, ending: AttemptEnding): void {
    if (ending !== 'succeeded') this.count('errors', now);
    else if (now < this.durationMs) this.attemptSuccesses.add('n', now);
  }

  attemptRejected(now: number): void {
    this.count('rejected', now);
  }

  /** Attempts that reached the dependency in [fromMs, toMs), whole run. */
  attemptsSentBetween(fromMs: number, toMs: number): number {
    let n = 0;
    for (const t of this.sentTimes) if (t >= fromMs && t < toMs) n++;
    return n;
  }

  /** For each p of `ps`, the p-quantile of every request's latency, whole run, ms; 0 when no request ended. */
  latencyQuantiles(ps: readonly number[]): number[] {
    return this.latencies.length === 0 ? ps.map(() => 0) : quantilesOf(this.latencies, ps).map((q) => q!);
  }

  series(): CallerSeries {
    const perSecond = 1000 / this.bucketMs;
    const c = this.counts.columns;
    const ok = this.attemptSuccesses.columns.n;
    const [latencyP50, latencyP99] = this.latency.columnsWithGaps([0.5, 0.99]);
    return {
      bucketMs: this.bucketMs,
      columns: {
        offered: c.offered.map((n) => n * perSecond),
        dependencyCalls: c.dependencyCalls.map((n) => n * perSecond),
        successes: c.successes.map((n) => n * perSecond),
        errors: c.errors.map((n) => n * perSecond),
        rejected: c.rejected.map((n) => n * perSecond),
        latencyP50,
        latencyP99,
        errorRate: c.errors.map((e, i) => (e + ok[i] === 0 ? null : e / (e + ok[i]))),
      },
    };
  }

  private count(column: CountColumn, now: number): void {
    if (now < this.durationMs) this.counts.add(column, now);
  }
}
