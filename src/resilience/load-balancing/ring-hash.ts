import type { RandomSource } from '../random.ts';
import { checkNumber } from '../options/validate.ts';
import { BalancerBase } from './balancer-base.ts';
import { balancerDefaults, balancerLimits } from './balancer-options.ts';
import { hashKey, hashString } from './hash.ts';
import type { Host } from './host.ts';
import type { HashKey } from './load-balancer.ts';

export interface RingHashOptions {
  /** Points on the ring for a host of the lowest weight; heavier hosts get proportionally more. Default 100. */
  readonly pointsPerHost?: number;
  /** Refuse to build a ring larger than this; default 8 388 608, Envoy's maximum. */
  readonly maxRingSize?: number;
}

const TWO_POW_53 = 2 ** 53;

/**
 * Consistent hashing on a ring (Karger et al.). Each host is hashed to many
 * points on a circle (`id_0`, `id_1`, ...); a key goes to the first point at
 * or after its own hash, wrapping around. Adding or removing a host moves
 * only the keys on that host's arcs, about 1/n of them; many points per host
 * even out the arc lengths (the spread of a host's share shrinks as
 * 1/sqrt(points)).
 *
 * A host's point count depends only on its own weight relative to the
 * lightest host, so it does not change when other hosts come and go. (Envoy
 * instead divides a minimum ring size among the hosts, so every host's point
 * count shifts on a change and a few more keys move than the ideal 1/n.)
 *
 * An ineligible host keeps its points; a key that lands on one walks on to
 * the next eligible host's point, which is exactly where it would go on a
 * ring built without that host. Without a key a pick lands on a random point.
 */
export class RingHashBalancer extends BalancerBase {
  private readonly pointHash: Float64Array;
  private readonly pointHost: Int32Array;
  private readonly isEligible: Uint8Array;

  constructor(hosts: readonly Host[], options: RingHashOptions = {}) {
    super(hosts);
    const perHost = checkNumber('pointsPerHost', options.pointsPerHost ?? balancerDefaults.ringHash.pointsPerHost, balancerLimits.count);
    const maxRing = options.maxRingSize ?? balancerDefaults.ringHash.maxRingSize;
    const minWeight = hosts.reduce((m, h) => Math.min(m, h.weight), Infinity);
    const counts = hosts.map((h) => Math.max(1, Math.round((perHost * h.weight) / minWeight)));
    const total = counts.reduce((a, b) => a + b, 0);
    if (total > maxRing) throw new RangeError(`ring of ${total} points exceeds maxRingSize ${maxRing}; lower pointsPerHost or even out the weights`);

    const hashes = new Float64Array(total);
    const owners = new Int32Array(total);
    let p = 0;
    hosts.forEach((h, i) => {
      for (let k = 0; k < counts[i]; k++, p++) {
        hashes[p] = hashString(`${h.id}_${k}`);
        owners[p] = i;
      }
    });
    // Ties (vanishingly rare at 53 bits) go to the lower host index, so the order never depends on the sort.
    const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => hashes[a] - hashes[b] || owners[a] - owners[b]);
    this.pointHash = Float64Array.from(order, (i) => hashes[i]);
    this.pointHost = Int32Array.from(order, (i) => owners[i]);
    this.isEligible = new Uint8Array(hosts.length).fill(1);
  }

  /** Points on the ring. */
  get ringSize(): number {
    return this.pointHash.length;
  }

  protected override onEligibleChanged(): void {
    this.isEligible.fill(0);
    for (const h of this.eligibleHosts) this.isEligible[h] = 1;
  }

  pick(_now: number, random: RandomSource, key?: HashKey): number {
    const target = key === undefined ? Math.floor(random() * TWO_POW_53) : hashKey(key);
    const hashes = this.pointHash;
    const size = hashes.length;
    // First point at or after the key's hash.
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    for (let step = 0; step < size; step++) {
      let i = lo + step;
      if (i >= size) i -= size;
      const host = this.pointHost[i];
      if (this.isEligible[host]) return host;
    }
    // Unreachable: at least one host is always eligible, and every host has a point.
    throw new Error('ring hash found no eligible host');
  }
}
