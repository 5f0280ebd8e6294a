import { checkNumber } from '../options/validate.ts';
import { rateThresholdReached, type DetectorSnapshot, type FailureDetector, type WindowCounts } from './failure-detector.ts';
import { detectionLimits, type CountWindowDetection } from './detection-options.ts';

const FAILED = 1;
const SLOW = 2;

/**
 * The last `windowSize` outcomes in a ring buffer, with running totals, so
 * recording a call costs O(1) whatever the window size.
 */
export class CountWindowDetector implements FailureDetector {
  readonly usesTime = false;
  private readonly ring: Uint8Array;
  private readonly minimumCalls: number;
  private readonly failureRateThreshold: number;
  private readonly slowCallRateThreshold: number;
  /** Slot the next outcome goes to. */
  private next = 0;
  private calls = 0;
  private failures = 0;
  private slowCalls = 0;

  constructor(options: CountWindowDetection) {
    checkNumber('windowSize', options.windowSize, detectionLimits.count);
    checkNumber('minimumCalls', options.minimumCalls, detectionLimits.count);
    checkNumber('failureRateThreshold', options.failureRateThreshold, detectionLimits.percent);
    if (options.slowCalls) checkNumber('slowCalls.rateThreshold', options.slowCalls.rateThreshold, detectionLimits.percent);
    this.ring = new Uint8Array(options.windowSize);
    this.minimumCalls = Math.min(options.minimumCalls, options.windowSize);
    this.failureRateThreshold = options.failureRateThreshold;
    this.slowCallRateThreshold = options.slowCalls?.rateThreshold ?? Infinity;
  }

  record(_now: number, failed: boolean, slow: boolean): boolean {
    const ring = this.ring;
    const i = this.next;
    if (this.calls === ring.length) {
      const evicted = ring[i];
      this.failures -= evicted & FAILED;
      this.slowCalls -= (evicted & SLOW) >> 1;
    } else {
      this.calls++;
    }
    const outcome = (failed ? FAILED : 0) | (slow ? SLOW : 0);
    ring[i] = outcome;
    this.failures += outcome & FAILED;
    this.slowCalls += (outcome & SLOW) >> 1;
    this.next = i + 1 === ring.length ? 0 : i + 1;
    return rateThresholdReached(this.calls, this.failures, this.slowCalls, this.minimumCalls, this.failureRateThreshold, this.slowCallRateThreshold);
  }

  /** Time plays no part here: never a window to report into untimed. */
  untimedUntil(): number {
    return -Infinity;
  }

  reset(): void {
    this.ring.fill(0);
    this.next = 0;
    this.calls = 0;
    this.failures = 0;
    this.slowCalls = 0;
  }

  counts(): WindowCounts {
    return { calls: this.calls, failures: this.failures, slowCalls: this.slowCalls };
  }

  /** Outcomes oldest first (bit 1: failed, bit 2: slow). */
  snapshot(): DetectorSnapshot {
    const n = this.ring.length;
    const outcomes: number[] = [];
    const oldest = this.calls === n ? this.next : 0;
    for (let k = 0; k < this.calls; k++) outcomes.push(this.ring[(oldest + k) % n]);
    return { kind: 'count-window', outcomes };
  }

  restore(s: DetectorSnapshot): void {
    if (s.kind !== 'count-window') throw new TypeError(`snapshot of a ${s.kind} detector given to a count-window one`);
    if (s.outcomes.length > this.ring.length) throw new RangeError(`snapshot holds ${s.outcomes.length} calls, window is ${this.ring.length}`);
    this.reset();
    for (const o of s.outcomes) {
      if (!(o >= 0 && o <= (FAILED | SLOW) && Number.isInteger(o))) throw new RangeError(`bad outcome ${o} in snapshot`);
      this.record(0, (o & FAILED) !== 0, (o & SLOW) !== 0);
    }
  }
}
