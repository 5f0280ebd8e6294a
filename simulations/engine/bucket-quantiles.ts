import { quantilesOf } from './select-quantile.ts';

/**
 * Samples (latencies) grouped by the time bucket they fall in, for per-bucket
 * quantiles. Quantiles do not add up the way counts do, so the samples are
 * kept until the end of the run; a run of a million requests keeps a million
 * numbers, which is a few megabytes.
 */
export class BucketQuantiles {
  private readonly samples: number[][];

  constructor(
    readonly bucketMs: number,
    readonly durationMs: number,
  ) {
    const buckets = Math.max(1, Math.ceil(durationMs / bucketMs));
    this.samples = Array.from({ length: buckets }, () => []);
  }

  /** Records `value` at time `t`; samples outside [0, durationMs) are ignored. */
  add(t: number, value: number): void {
    if (t < 0 || t >= this.durationMs) return;
    this.samples[Math.floor(t / this.bucketMs)].push(value);
  }

  /**
   * One column per p of `ps`: the p-quantile of each bucket (R-7
   * interpolation, as d3-array), NaN for a bucket with no sample. A
   * bucket's quantiles come from one copy of its samples (`quantilesOf`).
   */
  columns(ps: readonly number[]): number[][] {
    return this.columnsOr(ps, NaN);
  }

  /** The same with null for a bucket with no sample: a gap in a chart's line, and what JSON makes of NaN anyway. */
  columnsWithGaps(ps: readonly number[]): (number | null)[][] {
    return this.columnsOr(ps, null);
  }

  private columnsOr<E>(ps: readonly number[], empty: E): (number | E)[][] {
    const columns = ps.map(() => new Array<number | E>(this.samples.length));
    this.samples.forEach((s, b) => {
      const qs = s.length === 0 ? undefined : quantilesOf(s, ps);
      for (let k = 0; k < ps.length; k++) columns[k][b] = qs === undefined ? empty : qs[k]!;
    });
    return columns;
  }
}
