import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';
import type { Host } from './host.ts';
import { RampedWeights, type SlowStartOptions } from './slow-start.ts';

export interface WeightedRandomOptions {
  readonly slowStart?: SlowStartOptions;
}

/**
 * A random eligible host with probability proportional to its weight: a
 * binary search in the cumulative weights, O(log n) per pick. While a host
 * is in slow start its weight changes with time, so the cumulative weights
 * are recomputed on each pick until the ramp ends.
 */
export class WeightedRandomBalancer extends BalancerBase {
  private readonly weights: RampedWeights;
  private cumulative = new Float64Array(0);
  /** The cached weights were taken mid-ramp and need one more refresh once it ends. */
  private rampedCache = false;

  constructor(hosts: readonly Host[], options: WeightedRandomOptions = {}) {
    super(hosts);
    this.weights = new RampedWeights(this.hosts, this.eligibleSince, options.slowStart);
    this.onEligibleChanged(-Infinity);
  }

  protected override onEligibleChanged(now: number): void {
    this.weights.refresh(this.eligibleHosts);
    this.accumulate(now);
    this.rampedCache = this.weights.ramping(now);
  }

  private accumulate(now: number): void {
    const eligible = this.eligibleHosts;
    if (this.cumulative.length !== eligible.length) this.cumulative = new Float64Array(eligible.length);
    let sum = 0;
    for (let i = 0; i < eligible.length; i++) {
      sum += this.weights.weight(eligible[i], now);
      this.cumulative[i] = sum;
    }
  }

  pick(now: number, random: RandomSource): number {
    if (this.weights.ramping(now)) {
      this.accumulate(now);
      this.rampedCache = true;
    } else if (this.rampedCache) {
      this.accumulate(now);
      this.rampedCache = false;
    }
    const cumulative = this.cumulative;
    const target = random() * cumulative[cumulative.length - 1];
    // First index whose cumulative weight exceeds the target.
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.eligibleHosts[lo];
  }
}
