import { FaultSchedule, type FaultWindow, type OutageMode } from '../models/fault-schedule.ts';

/**
 * A fault schedule that an experiment can stop early: from `stop(t)` on, the
 * service sees no fault at all, whatever was planned. An abort condition
 * needs exactly this, since its time is known only while the run is going.
 */
export class StoppableFaults extends FaultSchedule {
  private stoppedAt = Infinity;

  constructor(windows: readonly FaultWindow[]) {
    super(windows);
  }

  /** Removes every fault from `t` on. */
  stop(t: number): void {
    if (t < this.stoppedAt) this.stoppedAt = t;
  }

  override outageAt(t: number): OutageMode {
    return t < this.stoppedAt ? super.outageAt(t) : 'none';
  }

  override errorProbabilityAt(t: number, base: number): number {
    return t < this.stoppedAt ? super.errorProbabilityAt(t, base) : base;
  }

  override addedLatencyAt(t: number): number {
    return t < this.stoppedAt ? super.addedLatencyAt(t) : 0;
  }

  override workersAt(t: number, base: number): number {
    return t < this.stoppedAt ? super.workersAt(t, base) : base;
  }
}
