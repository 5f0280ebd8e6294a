import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';
import { hashKey } from './hash.ts';
import type { HashKey } from './load-balancer.ts';

/**
 * The naive way to keep a key on one host: `hash(key) mod n` over the
 * eligible hosts. Perfectly even, but when n changes almost every key moves
 * (all but about 1/n of them going from n to n + 1 hosts), which empties every
 * cache at once. It is here as the baseline the consistent-hashing
 * balancers are measured against. Without a key a pick is uniformly random.
 */
export class ModuloHashBalancer extends BalancerBase {
  pick(_now: number, random: RandomSource, key?: HashKey): number {
    const eligible = this.eligibleHosts;
    const i = key === undefined ? Math.floor(random() * eligible.length) : hashKey(key) % eligible.length;
    return eligible[i];
  }
}
