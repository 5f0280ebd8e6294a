import { BalancerBase } from './balancer-base.ts';
import type { Host } from './host.ts';
import { RampedWeights, type SlowStartOptions } from './slow-start.ts';

export interface SmoothWeightedRoundRobinOptions {
  readonly slowStart?: SlowStartOptions;
}

/**
 * nginx's smooth weighted round robin. Every pick adds each host's weight to
 * its running score, takes the host with the highest score (the first one on
 * a tie) and subtracts the total weight from it. Over any cycle each host is
 * picked in proportion to its weight, and a heavy host's picks are spread
 * through the cycle instead of coming in a burst: weights {5, 1, 1} give
 * a a b a c a a, not a a a a a b c.
 *
 * O(eligible hosts) per pick, which is why Envoy uses an EDF heap instead
 * for large clusters.
 */
export class SmoothWeightedRoundRobinBalancer extends BalancerBase {
  private readonly current: Float64Array;
  private readonly weights: RampedWeights;

  constructor(hosts: readonly Host[], options: SmoothWeightedRoundRobinOptions = {}) {
    super(hosts);
    this.current = new Float64Array(hosts.length);
    this.weights = new RampedWeights(this.hosts, this.eligibleSince, options.slowStart);
  }

  protected override onEligibleChanged(): void {
    // Scores earned against a different set of hosts would skew the next cycle.
    this.current.fill(0);
    this.weights.refresh(this.eligibleHosts);
  }

  pick(now: number): number {
    const eligible = this.eligibleHosts;
    const current = this.current;
    let total = 0;
    let best = eligible[0];
    let bestScore = -Infinity;
    for (let i = 0; i < eligible.length; i++) {
      const h = eligible[i];
      const w = this.weights.weight(h, now);
      const score = current[h] + w;
      current[h] = score;
      total += w;
      if (score > bestScore) {
        bestScore = score;
        best = h;
      }
    }
    current[best] -= total;
    return best;
  }
}
