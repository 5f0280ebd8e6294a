import { quantile } from 'd3-array';
import type { Probe } from './experiment-schema.ts';

/**
 * What the traffic did during one probe interval [startMs, endMs): the
 * requests that ended in it, how many succeeded, and how long each took.
 * `started` lets a window in which nothing ended (everything hangs) count as
 * the failure it is rather than as missing data.
 */
export interface WindowMeasurement {
  readonly startMs: number;
  readonly endMs: number;
  readonly started: number;
  readonly ended: number;
  readonly succeeded: number;
  /** Latency of every request that ended in the window, failures included, ms. */
  readonly latenciesMs: readonly number[];
}

/**
 * The probe's value over a window; NaN when the window says nothing about it
 * (no request started or ended; a latency quantile with no request ended).
 */
export function probeValue(probe: Probe, w: WindowMeasurement): number {
  switch (probe.metric) {
    case 'success-rate':
      if (w.ended > 0) return w.succeeded / w.ended;
      return w.started > 0 ? 0 : NaN;
    case 'goodput':
      return (w.succeeded * 1000) / (w.endMs - w.startMs);
    case 'latency':
      return w.latenciesMs.length === 0 ? NaN : quantile(w.latenciesMs, probe.quantile ?? 0.99)!;
  }
}

/** Whether `value` is within the probe's tolerance; a value of NaN (no data) is never a breach. */
export function withinTolerance(probe: Probe, value: number): boolean {
  if (Number.isNaN(value)) return true;
  const [min, max] = probe.tolerance;
  return (min === null || value >= min) && (max === null || value <= max);
}

/** Counts requests into consecutive windows; what a runner (simulated or real) feeds the evaluator. */
export class WindowRecorder {
  private started = 0;
  private ended = 0;
  private succeeded = 0;
  private latencies: number[] = [];

  requestStarted(): void {
    this.started++;
  }

  requestEnded(ok: boolean, latencyMs: number): void {
    this.ended++;
    if (ok) this.succeeded++;
    this.latencies.push(latencyMs);
  }

  /** The window [startMs, endMs) closes; counting starts afresh for the next one. */
  close(startMs: number, endMs: number): WindowMeasurement {
    const w = { startMs, endMs, started: this.started, ended: this.ended, succeeded: this.succeeded, latenciesMs: this.latencies };
    this.started = 0;
    this.ended = 0;
    this.succeeded = 0;
    this.latencies = [];
    return w;
  }
}
