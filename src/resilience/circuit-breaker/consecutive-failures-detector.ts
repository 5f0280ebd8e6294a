import { checkNumber } from '../options/validate.ts';
import type { DetectorSnapshot, FailureDetector, WindowCounts } from './failure-detector.ts';
import { detectionLimits, type ConsecutiveFailuresDetection } from './detection-options.ts';

/**
 * Trips on a run of failures (or of slow calls): the simplest detector, and
 * the one that reacts fastest to a hard outage, but blind to a partial one
 * (one success in every few calls resets the run forever).
 */
export class ConsecutiveFailuresDetector implements FailureDetector {
  readonly usesTime = false;
  private readonly failureThreshold: number;
  private readonly slowThreshold: number;
  private calls = 0;
  private failureRun = 0;
  private slowRun = 0;

  constructor(options: ConsecutiveFailuresDetection) {
    this.failureThreshold = checkNumber('failureThreshold', options.failureThreshold, detectionLimits.count);
    if (options.slowCalls) checkNumber('slowCalls.threshold', options.slowCalls.threshold, detectionLimits.count);
    this.slowThreshold = options.slowCalls?.threshold ?? Infinity;
  }

  record(_now: number, failed: boolean, slow: boolean): boolean {
    this.calls++;
    this.failureRun = failed ? this.failureRun + 1 : 0;
    this.slowRun = slow ? this.slowRun + 1 : 0;
    return this.failureRun >= this.failureThreshold || this.slowRun >= this.slowThreshold;
  }

  /** Time plays no part here: never a window to report into untimed. */
  untimedUntil(): number {
    return -Infinity;
  }

  reset(): void {
    this.calls = 0;
    this.failureRun = 0;
    this.slowRun = 0;
  }

  counts(): WindowCounts {
    return { calls: this.calls, failures: this.failureRun, slowCalls: this.slowRun };
  }

  snapshot(): DetectorSnapshot {
    return { kind: 'consecutive', calls: this.calls, failureRun: this.failureRun, slowRun: this.slowRun };
  }

  restore(s: DetectorSnapshot): void {
    if (s.kind !== 'consecutive') throw new TypeError(`snapshot of a ${s.kind} detector given to a consecutive one`);
    this.calls = s.calls;
    this.failureRun = s.failureRun;
    this.slowRun = s.slowRun;
  }
}
