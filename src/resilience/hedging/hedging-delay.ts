import { checkNumber } from '../options/validate.ts';
import { hedgingDefaults, hedgingLimits } from './hedging-options.ts';

/**
 * How long a hedged call waits, with no answer, before sending the next
 * attempt. A delay may learn from the latencies the caller observes; it is
 * asked for the delay each time a wait starts.
 */
export interface HedgingDelay {
  /** The wait before the next hedge, ms; Infinity sends no hedge on a timer (failures still trigger one). */
  delayMs(): number;
  /** An attempt's latency, ms: a success, or an attempt cancelled because another won (its latency so far). */
  observe(latencyMs: number): void;
  /** Whether `observe` matters, so an executor reads the clock per attempt only when it does. */
  readonly learns: boolean;
}

/** The same delay every time, as gRPC's hedgingDelay and Polly's Delay. */
export function fixedHedgingDelay(ms: number): HedgingDelay {
  checkNumber('delayMs', ms, hedgingLimits.delayMs);
  return { delayMs: () => ms, observe() {}, learns: false };
}

export interface PercentileHedgingDelayOptions {
  /** Hedge once an attempt has taken longer than this percentile of recent latencies, e.g. 95. */
  readonly percentile: number;
  /** Recent latencies kept, the oldest dropped first. Default 1000. */
  readonly windowSize?: number;
  /** The percentile is recomputed after this many new latencies. Default 100. */
  readonly refreshEvery?: number;
  /** The delay until the first percentile is known, ms. Default Infinity: no timed hedge before then, as Finagle. */
  readonly initialDelayMs?: number;
  /** Never hedge sooner than this, ms, however fast the service looks. Default 1, as Finagle's minSendBackupAfterMs. */
  readonly minDelayMs?: number;
}

/**
 * A delay that follows the latency the caller sees: the given percentile of
 * the last `windowSize` latencies, as Dean and Barroso propose ("defer
 * sending a secondary request until the first request has been outstanding
 * for more than the 95th-percentile expected latency", The Tail at Scale,
 * CACM 2013) and as Finagle's BackupRequestFilter does
 * (https://github.com/twitter/finagle/blob/develop/finagle-core/src/main/scala/com/twitter/finagle/client/BackupRequestFilter.scala).
 * Like Finagle it records successes and attempts cancelled because another
 * won, not fast failures, which would drag the percentile down; unlike
 * Finagle's time-windowed histogram, the window is the last N latencies and
 * the percentile is refreshed every `refreshEvery` of them, so it needs no clock.
 *
 * A percentile delay hedges about (100 − percentile) % of calls whatever the
 * service does: put a budget on the hedges, or a latency shift turns into a
 * load shift.
 */
export class PercentileHedgingDelay implements HedgingDelay {
  readonly learns = true;
  readonly percentile: number;
  private readonly window: Float64Array;
  private readonly sorted: Float64Array;
  private readonly refreshEvery: number;
  private readonly minDelayMs: number;
  private count = 0;
  private sinceRefresh = 0;
  private current: number;

  constructor({
    percentile,
    windowSize = hedgingDefaults.percentileWindowSize,
    refreshEvery = hedgingDefaults.percentileRefreshEvery,
    initialDelayMs = hedgingDefaults.percentileInitialDelayMs,
    minDelayMs = hedgingDefaults.percentileMinDelayMs,
  }: PercentileHedgingDelayOptions) {
    const limits = hedgingLimits;
    this.percentile = checkNumber('percentile', percentile, limits.percentile);
    this.window = new Float64Array(checkNumber('windowSize', windowSize, limits.count));
    this.sorted = new Float64Array(windowSize);
    this.refreshEvery = checkNumber('refreshEvery', refreshEvery, limits.count);
    this.minDelayMs = checkNumber('minDelayMs', minDelayMs, limits.minDelayMs);
    this.current = checkNumber('initialDelayMs', initialDelayMs, limits.initialDelayMs);
  }

  delayMs(): number {
    return this.current;
  }

  observe(latencyMs: number): void {
    if (!(latencyMs >= 0 && latencyMs < Infinity)) return;
    this.window[this.count % this.window.length] = latencyMs;
    this.count++;
    if (++this.sinceRefresh >= this.refreshEvery) {
      this.sinceRefresh = 0;
      this.current = Math.max(this.minDelayMs, this.windowQuantile());
    }
  }

  /** The percentile of the latencies in the window (linear interpolation between order statistics, R-7). */
  private windowQuantile(): number {
    const n = Math.min(this.count, this.window.length);
    const values = this.sorted.subarray(0, n);
    values.set(this.window.subarray(0, n));
    values.sort();
    const h = (n - 1) * (this.percentile / 100);
    const i = Math.floor(h);
    return i + 1 < n ? values[i] + (h - i) * (values[i + 1] - values[i]) : values[i];
  }
}
