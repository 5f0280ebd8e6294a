/**
 * Per-bucket metrics over virtual time: a fixed bucket width and named
 * columns of equal length. Counters add into the bucket an event falls in;
 * gauges record the last (or max) value seen in the bucket.
 */
export interface TimeSeries<K extends string = string> {
  /** Width of a bucket, ms. Bucket i covers [i*bucketMs, (i+1)*bucketMs). */
  readonly bucketMs: number;
  readonly columns: Record<K, number[]>;
}

export class SeriesRecorder<K extends string> {
  readonly columns: Record<K, number[]>;
  readonly buckets: number;

  constructor(
    readonly bucketMs: number,
    readonly durationMs: number,
    names: readonly K[],
  ) {
    this.buckets = Math.max(1, Math.ceil(durationMs / bucketMs));
    const cols = {} as Record<K, number[]>;
    for (const n of names) cols[n] = new Array<number>(this.buckets).fill(0);
    this.columns = cols;
  }

  /**
   * The bucket `t` falls in, clamped to the series. A recorder on a hot path
   * keeps its column arrays and adds into `column[bucketOf(t)]` itself: a
   * lookup of the column by name per event (a keyed access over a handful
   * of names, megamorphic) cost more than the counting.
   */
  bucketOf(t: number): number {
    const i = Math.floor(t / this.bucketMs);
    return i < 0 ? 0 : i >= this.buckets ? this.buckets - 1 : i;
  }

  add(name: K, t: number, amount = 1): void {
    this.columns[name][this.bucketOf(t)] += amount;
  }

  max(name: K, t: number, value: number): void {
    const c = this.columns[name];
    const i = this.bucketOf(t);
    if (value > c[i]) c[i] = value;
  }

  set(name: K, t: number, value: number): void {
    this.columns[name][this.bucketOf(t)] = value;
  }

  toJSON(): TimeSeries<K> {
    return { bucketMs: this.bucketMs, columns: this.columns };
  }
}
