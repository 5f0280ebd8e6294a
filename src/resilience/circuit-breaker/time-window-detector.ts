import { checkNumber } from '../options/validate.ts';
import { rateThresholdReached, type DetectorSnapshot, type FailureDetector, type WindowCounts } from './failure-detector.ts';
import { detectionDefaults, detectionLimits, type TimeWindowDetection } from './detection-options.ts';

/**
 * Calls that ended in the last `windowMs`, in `buckets` slices of
 * windowMs / buckets each. Bucket k holds the calls with
 * floor(now / bucketMs) = k; the window is the newest bucket and the
 * buckets − 1 before it. Totals are kept running, so recording costs O(1)
 * amortised (a bucket is cleared once each time the window passes it).
 * Time going backwards counts as staying in the newest bucket, and so does
 * a call recorded with NaN for its time (one its executor knows to fall in
 * the newest bucket, without reading the clock: `untimedUntil`).
 */
export class TimeWindowDetector implements FailureDetector {
  readonly usesTime = true;
  readonly bucketMs: number;
  private readonly callsIn: Float64Array;
  private readonly failuresIn: Float64Array;
  private readonly slowIn: Float64Array;
  private readonly minimumCalls: number;
  private readonly failureRateThreshold: number;
  private readonly slowCallRateThreshold: number;
  private newestBucket = -Infinity;
  /** Ring slot of the newest bucket, kept with it so that recording skips the modulo. */
  private newestSlot = 0;
  private calls = 0;
  private failures = 0;
  private slowCalls = 0;

  constructor(options: TimeWindowDetection) {
    const buckets = checkNumber('buckets', options.buckets ?? detectionDefaults.buckets, detectionLimits.count);
    checkNumber('windowMs', options.windowMs, detectionLimits.windowMs);
    checkNumber('minimumCalls', options.minimumCalls, detectionLimits.count);
    checkNumber('failureRateThreshold', options.failureRateThreshold, detectionLimits.percent);
    if (options.slowCalls) checkNumber('slowCalls.rateThreshold', options.slowCalls.rateThreshold, detectionLimits.percent);
    this.bucketMs = options.windowMs / buckets;
    this.callsIn = new Float64Array(buckets);
    this.failuresIn = new Float64Array(buckets);
    this.slowIn = new Float64Array(buckets);
    this.minimumCalls = options.minimumCalls;
    this.failureRateThreshold = options.failureRateThreshold;
    this.slowCallRateThreshold = options.slowCalls?.rateThreshold ?? Infinity;
  }

  record(now: number, failed: boolean, slow: boolean): boolean {
    this.advance(now);
    const i = this.newestSlot;
    this.callsIn[i]++;
    this.calls++;
    if (failed) {
      this.failuresIn[i]++;
      this.failures++;
    }
    if (slow) {
      this.slowIn[i]++;
      this.slowCalls++;
    }
    return rateThresholdReached(this.calls, this.failures, this.slowCalls, this.minimumCalls, this.failureRateThreshold, this.slowCallRateThreshold);
  }

  untimedUntil(now: number): number {
    if (this.newestBucket === -Infinity || !(Math.floor(now / this.bucketMs) === this.newestBucket)) return -Infinity;
    // A tenth of a slice of margin: a timer armed for this time that fires a little late still finds the slice current.
    const until = (this.newestBucket + 0.9) * this.bucketMs;
    return now < until ? until : -Infinity;
  }

  reset(): void {
    this.callsIn.fill(0);
    this.failuresIn.fill(0);
    this.slowIn.fill(0);
    this.newestBucket = -Infinity;
    this.calls = 0;
    this.failures = 0;
    this.slowCalls = 0;
  }

  counts(now: number): WindowCounts {
    this.advance(now);
    return { calls: this.calls, failures: this.failures, slowCalls: this.slowCalls };
  }

  snapshot(): DetectorSnapshot {
    const n = this.callsIn.length;
    if (this.newestBucket === -Infinity) return { kind: 'time-window', newestBucket: null, buckets: [] };
    const buckets = [];
    for (let k = this.newestBucket - n + 1; k <= this.newestBucket; k++) {
      const i = this.slot(k);
      buckets.push({ calls: this.callsIn[i], failures: this.failuresIn[i], slowCalls: this.slowIn[i] });
    }
    return { kind: 'time-window', newestBucket: this.newestBucket, buckets };
  }

  restore(s: DetectorSnapshot): void {
    if (s.kind !== 'time-window') throw new TypeError(`snapshot of a ${s.kind} detector given to a time-window one`);
    this.reset();
    if (s.newestBucket === null) return;
    const n = this.callsIn.length;
    if (s.buckets.length !== n) throw new RangeError(`snapshot holds ${s.buckets.length} buckets, window has ${n}`);
    if (!Number.isInteger(s.newestBucket)) throw new RangeError(`bad newestBucket ${s.newestBucket} in snapshot`);
    this.newestBucket = s.newestBucket;
    this.newestSlot = this.slot(s.newestBucket);
    s.buckets.forEach((b, j) => {
      const i = this.slot(s.newestBucket! - n + 1 + j);
      this.callsIn[i] = b.calls;
      this.failuresIn[i] = b.failures;
      this.slowIn[i] = b.slowCalls;
      this.calls += b.calls;
      this.failures += b.failures;
      this.slowCalls += b.slowCalls;
    });
  }

  /** Ring slot of absolute bucket k (k may be negative before time 0). */
  private slot(k: number): number {
    const n = this.callsIn.length;
    return ((k % n) + n) % n;
  }

  /** Moves the window so that `now`'s bucket is the newest, dropping the buckets that fall out; NaN (no time) leaves it. */
  private advance(now: number): void {
    const bucket = Math.floor(now / this.bucketMs);
    if (!(bucket > this.newestBucket)) return;
    const n = this.callsIn.length;
    if (bucket - this.newestBucket >= n) {
      this.callsIn.fill(0);
      this.failuresIn.fill(0);
      this.slowIn.fill(0);
      this.calls = 0;
      this.failures = 0;
      this.slowCalls = 0;
    } else {
      for (let k = this.newestBucket + 1; k <= bucket; k++) {
        const i = this.slot(k);
        this.calls -= this.callsIn[i];
        this.failures -= this.failuresIn[i];
        this.slowCalls -= this.slowIn[i];
        this.callsIn[i] = 0;
        this.failuresIn[i] = 0;
        this.slowIn[i] = 0;
      }
    }
    this.newestBucket = bucket;
    this.newestSlot = this.slot(bucket);
  }
}
