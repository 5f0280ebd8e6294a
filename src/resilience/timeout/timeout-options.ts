import type { Clock } from '../clock.ts';
import type { NumberRange } from '../options/validate.ts';

export interface TimeoutOptions {
  clock?: Clock;
  /**
   * Period of the policy's shared timer: an attempt is abandoned between
   * timeoutMs and timeoutMs + resolutionMs after it started, never earlier
   * (later only if the event loop is late). `defaultResolutionMs(timeoutMs)`
   * by default: timeoutMs/20, within [1, 100] ms.
   */
  resolutionMs?: number;
}

/** The shared timer's default period: a twentieth of the timeout, within [1, 100] ms. */
export function defaultResolutionMs(timeoutMs: number): number {
  return Math.min(100, Math.max(1, timeoutMs / 20));
}

export const timeoutLimits = {
  timeoutMs: { above: 0 },
  resolutionMs: { above: 0 },
} as const satisfies Record<string, NumberRange>;
