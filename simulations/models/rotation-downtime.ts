import type { RotationChange } from './health-rotation.ts';

/**
 * How often one backend was taken out of rotation, and for how long, within
 * [0, endMs): for a backend that should never leave, these are false
 * ejections and the capacity they cost.
 */
export class RotationDowntime {
  removals = 0;
  private out = false;
  private outSince = NaN;
  private outMs = 0;

  constructor(
    readonly host: number,
    private readonly endMs: number,
  ) {}

  rotationChanged(change: RotationChange): void {
    if (change.host !== this.host || change.wasAvailable === change.available) return;
    // Only time within the run counts: requests still draining after it may take the backend out once more.
    const t = Math.min(change.t, this.endMs);
    this.out = !change.available;
    if (this.out) {
      this.removals++;
      this.outSince = t;
    } else {
      this.outMs += t - this.outSince;
    }
  }

  /** The fraction of [0, endMs) the backend spent out of rotation. */
  outFraction(): number {
    const outMs = this.out ? this.outMs + (this.endMs - this.outSince) : this.outMs;
    return outMs / this.endMs;
  }
}
