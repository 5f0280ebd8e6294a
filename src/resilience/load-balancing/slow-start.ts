import { checkNumber } from '../options/validate.ts';
import { balancerDefaults, balancerLimits } from './balancer-options.ts';
import type { Host } from './host.ts';

/**
 * Slow start, as Envoy defines it: a host that has just become eligible gets
 * a fraction of its weight that grows over a window, so a cold cache or JIT
 * is not hit with a full share of traffic at once.
 *
 *   factor = max(minWeightPercent / 100, timeFactor ^ (1 / aggression))
 *   timeFactor = max(elapsed, 1 ms) / window
 *
 * aggression 1 ramps linearly; above 1 the weight rises fast at first and
 * then flattens; below 1 it stays low and rises late. The floor keeps a new
 * host from getting no traffic at all (and weighted schedules from dividing
 * by zero).
 */
export interface SlowStartOptions {
  readonly windowMs: number;
  /** Default 1 (linear). */
  readonly aggression?: number;
  /** Default 10, as in Envoy. */
  readonly minWeightPercent?: number;
}

const defaults = balancerDefaults.slowStart;

export function checkSlowStart(o: SlowStartOptions): void {
  checkNumber('slowStart.windowMs', o.windowMs, balancerLimits.periodMs);
  checkNumber('slowStart.aggression', o.aggression ?? defaults.aggression, balancerLimits.aggression);
  checkNumber('slowStart.minWeightPercent', o.minWeightPercent ?? defaults.minWeightPercent, balancerLimits.minWeightPercent);
}

/** The share of its weight a host gets `elapsedMs` after becoming eligible, in (0, 1]. */
export function slowStartFactor(elapsedMs: number, o: SlowStartOptions): number {
  if (!(elapsedMs < o.windowMs)) return 1;
  const timeFactor = Math.max(elapsedMs, 1) / o.windowMs;
  const aggression = o.aggression ?? defaults.aggression;
  const ramp = aggression === 1 ? timeFactor : Math.pow(timeFactor, 1 / aggression);
  return Math.max(ramp, (o.minWeightPercent ?? defaults.minWeightPercent) / 100);
}

/**
 * When the last of these hosts leaves its window (-Infinity if none is in
 * one): until then weights vary with time and cannot be cached.
 */
export function rampEnd(hosts: readonly number[], eligibleSince: Float64Array, o: SlowStartOptions | undefined): number {
  if (!o) return -Infinity;
  let end = -Infinity;
  for (const h of hosts) end = Math.max(end, eligibleSince[h] + o.windowMs);
  return end;
}

/**
 * Hosts' weights with slow start applied. Weights are constant outside the
 * ramp, so balancers ask `ramping(now)` to know when a cached schedule is
 * still valid.
 */
export class RampedWeights {
  private rampingUntil = -Infinity;

  constructor(
    private readonly hosts: readonly Host[],
    private readonly eligibleSince: Float64Array,
    private readonly options: SlowStartOptions | undefined,
  ) {
    if (options) checkSlowStart(options);
  }

  /** Call whenever the eligible set changes. */
  refresh(eligible: readonly number[]): void {
    this.rampingUntil = rampEnd(eligible, this.eligibleSince, this.options);
  }

  /** True while some eligible host is still in its window. */
  ramping(now: number): boolean {
    return now < this.rampingUntil;
  }

  weight(host: number, now: number): number {
    const w = this.hosts[host].weight;
    return this.options ? w * slowStartFactor(now - this.eligibleSince[host], this.options) : w;
  }
}
