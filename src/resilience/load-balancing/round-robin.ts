import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';
import type { Host } from './host.ts';

export interface RoundRobinOptions {
  /**
   * Start the rotation at a random host (default true). Many clients that
   * all start at host 0 send their first requests to the same host in lock
   * step; Envoy seeds its schedules randomly for the same reason.
   */
  readonly randomStart?: boolean;
}

/** Each eligible host in turn, ignoring weights and load. */
export class RoundRobinBalancer extends BalancerBase {
  private next = -1;
  private readonly randomStart: boolean;

  constructor(hosts: readonly Host[], options: RoundRobinOptions = {}) {
    super(hosts);
    this.randomStart = options.randomStart ?? true;
  }

  pick(_now: number, random: RandomSource): number {
    const eligible = this.eligibleHosts;
    if (this.next < 0) this.next = this.randomStart ? Math.floor(random() * eligible.length) : 0;
    else if (this.next >= eligible.length) this.next = 0;
    return eligible[this.next++];
  }
}
