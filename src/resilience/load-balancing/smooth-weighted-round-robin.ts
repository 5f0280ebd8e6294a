import { BalancerBase } from './balancer-base.ts';
import { EdfScheduler } from './edf-scheduler.ts';
import type { Host } from './host.ts';
import { RampedWeights, type SlowStartOptions } from './slow-start.ts';

export interface SmoothWeightedRoundRobinOptions {
  readonly slowStart?: SlowStartOptions;
}

/**
 * Up to this many eligible hosts, nginx's exact sequence by a full scan
 * (about 3 ns a host); above it, an EDF heap, O(log n) a pick.
 */
export const SMOOTH_SCAN_MAX_HOSTS = 64;

/**
 * Weighted round robin, smooth: each host is picked in proportion to its
 * weight, and a heavy host's picks are spread through the cycle instead of
 * coming in a burst.
 *
 * Up to SMOOTH_SCAN_MAX_HOSTS eligible hosts it is nginx's algorithm, exactly:
 * every pick adds each host's weight to its running score, takes the host
 * with the highest score (the first one on a tie) and subtracts the total
 * weight from it. Weights {5, 1, 1} give a a b a c a a, not a a a a a b c.
 * That is O(hosts) per pick.
 *
 * Above that, where a scan costs microseconds, it is Envoy's weighted round
 * robin: an earliest-deadline-first heap (edf-scheduler.ts), O(log n) per
 * pick. The proportions are the same and each host's picks are evenly spaced
 * (one every 1 / weight of the schedule's time), but the sequence is not
 * nginx's: hosts whose deadlines fall together are picked back to back, so
 * {5, 1, 1} would give a a a a b c a, the two light hosts side by side.
 */
export class SmoothWeightedRoundRobinBalancer extends BalancerBase {
  private readonly current: Float64Array;
  private readonly weights: RampedWeights;
  private readonly edf: EdfScheduler;
  private useEdf: boolean;
  /** The time of the pick under way, for `weightAt`. */
  private pickTime = 0;
  private readonly weightAt: (host: number) => number;

  constructor(hosts: readonly Host[], options: SmoothWeightedRoundRobinOptions = {}) {
    super(hosts);
    this.current = new Float64Array(hosts.length);
    this.weights = new RampedWeights(this.hosts, this.eligibleSince, options.slowStart);
    this.edf = new EdfScheduler(hosts.length);
    this.weightAt = (host) => this.weights.weight(host, this.pickTime);
    this.useEdf = this.eligibleHosts.length > SMOOTH_SCAN_MAX_HOSTS;
    if (this.useEdf) this.edf.reset(this.eligibleHosts, this.weightAt);
  }

  protected override onEligibleChanged(now: number): void {
    // Scores earned against a different set of hosts would skew the next cycle.
    this.current.fill(0);
    this.weights.refresh(this.eligibleHosts);
    this.useEdf = this.eligibleHosts.length > SMOOTH_SCAN_MAX_HOSTS;
    if (this.useEdf) {
      this.pickTime = now;
      this.edf.reset(this.eligibleHosts, this.weightAt);
    }
  }

  pick(now: number): number {
    if (this.useEdf) {
      // The host goes back in with its weight at this pick: a ramping host's deadlines come closer as it warms up.
      this.pickTime = now;
      return this.edf.pickAndAdd(this.weightAt);
    }
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
