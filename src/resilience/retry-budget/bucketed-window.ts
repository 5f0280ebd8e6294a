import { checkNumber } from '../options/validate.ts';
import { retryBudgetDefaults, retryBudgetLimits } from './retry-budget-options.ts';

/**
 * A count over the last `windowMs`, kept in `buckets` fixed slices: adding and
 * reading cost O(1) amortised and no allocation, at the price of the window's
 * edge moving one slice at a time (it covers between windowMs − slice and
 * windowMs of history). Time is the caller's `now`; going backwards is treated
 * as staying in the current slice.
 */
export class BucketedWindow {
  private readonly counts: Float64Array;
  private readonly sliceMs: number;
  private currentSlice = -Infinity;
  private sum = 0;

  constructor(windowMs: number, buckets: number = retryBudgetDefaults.windowBuckets) {
    checkNumber('windowMs', windowMs, retryBudgetLimits.windowMs);
    checkNumber('buckets', buckets, retryBudgetLimits.buckets);
    this.counts = new Float64Array(buckets);
    this.sliceMs = windowMs / buckets;
  }

  add(now: number, amount = 1): void {
    this.advance(now);
    this.counts[this.indexOf(this.currentSlice)] += amount;
    this.sum += amount;
  }

  total(now: number): number {
    this.advance(now);
    return this.sum;
  }

  /** The total as of the last time seen, without moving the window. */
  peek(): number {
    return this.sum;
  }

  /** Index of the slice `now` falls in; slices older than the window are dropped. */
  sliceOf(now: number): number {
    return Math.floor(now / this.sliceMs);
  }

  private advance(now: number): void {
    const slice = this.sliceOf(now);
    if (slice <= this.currentSlice) return;
    const n = this.counts.length;
    if (slice - this.currentSlice >= n) {
      this.counts.fill(0);
      this.sum = 0;
    } else {
      for (let s = this.currentSlice + 1; s <= slice; s++) {
        const i = this.indexOf(s);
        this.sum -= this.counts[i];
        this.counts[i] = 0;
      }
    }
    this.currentSlice = slice;
  }

  /** The bucket of a slice; before time zero slices are negative, and `%` would give a negative index. */
  private indexOf(slice: number): number {
    const i = slice % this.counts.length;
    return i < 0 ? i + this.counts.length : i;
  }
}
