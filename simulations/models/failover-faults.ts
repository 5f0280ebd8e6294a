import type { ActiveHealthCheckOptions } from '../../src/resilience/health/index.ts';
import type { Fault, FaultWindow } from './fault-schedule.ts';

/** How the primary fails: answers errors, stops answering, or answers late. */
export type PrimaryFault = 'errors' | 'hang' | 'slow';

/** Latency the 'slow' fault adds, ms: under the client's 1 s timeout, over the default 500 ms check timeout. */
export const SLOW_FAULT_MS = 800;

const faultOf: Readonly<Record<PrimaryFault, Fault>> = {
  errors: { kind: 'error-spike', probability: 1 },
  hang: { kind: 'outage', mode: 'hang' },
  slow: { kind: 'added-latency', ms: SLOW_FAULT_MS },
};

export interface PrimaryFaultOptions {
  readonly startMs: number;
  readonly endMs: number;
  readonly kind: PrimaryFault;
  /**
   * Instead of one outage, fail and recover in turns over [startMs, endMs):
   * each failure lasts long enough for the checks to notice
   * ((unhealthyThreshold + 1) intervals and a timeout), each recovery just
   * long enough for them to pass ((healthyThreshold + 1) intervals and a
   * timeout), so the primary keeps coming back and failing again.
   */
  readonly flapping: boolean;
  readonly check: ActiveHealthCheckOptions;
}

/** The fault windows of the primary (level). */
export function primaryFaultWindows(o: PrimaryFaultOptions): FaultWindow[] {
  const fault = faultOf[o.kind];
  if (!o.flapping) return [{ startMs: o.startMs, endMs: o.endMs, fault }];
  const down = (o.check.unhealthyThreshold + 1) * o.check.intervalMs + o.check.timeoutMs;
  const up = (o.check.healthyThreshold + 1) * o.check.intervalMs + o.check.timeoutMs;
  const windows: FaultWindow[] = [];
  for (let t = o.startMs; t < o.endMs; t += down + up) windows.push({ startMs: t, endMs: Math.min(t + down, o.endMs), fault });
  return windows;
}
