import type { SeriesRecorder } from './time-series.ts';

/**
 * The time-weighted mean of a step function (a queue length, a number of busy
 * workers) per bucket of a SeriesRecorder column. A sample taken at bucket
 * edges would show whatever the level happened to be at that instant; the
 * time average is what Little's law and the queueing formulas speak about.
 *
 * Call `set` whenever the level changes and `finish` once at the end of the
 * run; the column then holds, for each bucket, the mean level over it.
 */
export class LevelGauge<K extends string> {
  private level = 0;
  private since = 0;
  /** The recorder's column, looked up once rather than by name on every change. */
  private readonly values: number[];

  constructor(
    private readonly recorder: SeriesRecorder<K>,
    column: K,
  ) {
    this.values = recorder.columns[column];
  }

  set(now: number, value: number): void {
    if (value === this.level) return;
    this.accumulate(now);
    this.level = value;
  }

  /** Closes the last step at `endMs` (at most the recorder's duration). */
  finish(endMs: number): void {
    this.accumulate(Math.min(endMs, this.recorder.durationMs));
  }

  private accumulate(now: number): void {
    const end = Math.min(now, this.recorder.durationMs);
    if (end > this.since && this.level !== 0) {
      const width = this.recorder.bucketMs;
      let t = this.since;
      while (t < end) {
        const bucketEnd = (Math.floor(t / width) + 1) * width;
        const stop = Math.min(end, bucketEnd);
        this.values[this.recorder.bucketOf(t)] += (this.level * (stop - t)) / width;
        t = stop;
      }
    }
    if (now > this.since) this.since = now;
  }
}
