import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';

/**
 * A uniformly random eligible host. Stateless, so many clients using it
 * never fall into lock step, but the busiest of n hosts gets noticeably
 * more than 1/n of a burst: with m requests into n hosts the maximum is
 * about m/n + sqrt(2 (m/n) ln n), the balls-into-bins bound.
 */
export class UniformRandomBalancer extends BalancerBase {
  pick(_now: number, random: RandomSource): number {
    const eligible = this.eligibleHosts;
    return eligible[Math.floor(random() * eligible.length)];
  }
}
