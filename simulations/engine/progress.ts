/**
 * Turns "how far along is the run" into at most 101 progress callbacks (one
 * per whole percent, then 1 at the end), however many events the run has: a
 * progress bar in a page repaints on each call, and a call per event would
 * cost more than the simulation itself.
 */
export class ProgressReporter {
  private lastPercent = -1;

  constructor(
    private readonly onProgress: (fraction: number) => void,
    /** The fraction of the run done so far, in [0, 1]. */
    private readonly fractionDone: () => number,
  ) {}

  poll(): void {
    const f = Math.min(1, Math.max(0, this.fractionDone()));
    const percent = Math.floor(f * 100);
    if (percent > this.lastPercent) {
      this.lastPercent = percent;
      this.onProgress(f);
    }
  }

  /** The run is over: report 1 unless that was already said. */
  finish(): void {
    if (this.lastPercent < 100) {
      this.lastPercent = 100;
      this.onProgress(1);
    }
  }
}
