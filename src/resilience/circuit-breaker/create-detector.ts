import type { FailureDetection } from './detection-options.ts';
import type { FailureDetector } from './failure-detector.ts';
import { ConsecutiveFailuresDetector } from './consecutive-failures-detector.ts';
import { CountWindowDetector } from './count-window-detector.ts';
import { TimeWindowDetector } from './time-window-detector.ts';

export function createDetector(detection: FailureDetection): FailureDetector {
  switch (detection.kind) {
    case 'consecutive':
      return new ConsecutiveFailuresDetector(detection);
    case 'count-window':
      return new CountWindowDetector(detection);
    case 'time-window':
      return new TimeWindowDetector(detection);
    default:
      throw new RangeError(`unknown failure detection ${String((detection as { kind: unknown }).kind)}`);
  }
}
