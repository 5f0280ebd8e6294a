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

  constructor(windowMs: number, buckets = 10) {
    if (!(windowMs > 0 && windowMs < Infinity)) throw new RangeError(`windowMs must be > 0 and finite, got ${windowMs}`);
    if (!(Number.isInteger(buckets) && buckets >= 1)) throw new RangeError(`buckets must be an integer >= 1, got ${buckets}`);
    this.counts = new Float64Array(buckets);
    this.sliceMs = windowMs / buckets;
  }

  add(now: number, amount = 1): void {
    this.advance(now);
    this.counts[this.currentSlice % this.counts.length] += amount;
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
        const i = s % n;
        this.sum -= this.counts[i];
        this.counts[i] = 0;
      }
    }
    this.currentSlice = slice;
  }
}
