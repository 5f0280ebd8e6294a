import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';
import { balancerDefaults } from './balancer-options.ts';
import { hashKey, hashString } from './hash.ts';
import type { Host } from './host.ts';
import type { HashKey } from './load-balancer.ts';

export interface MaglevOptions {
  /** Lookup table size; must be a prime well above the host count (100× keeps shares within 1%). Default 65 537, as Envoy. */
  readonly tableSize?: number;
}

// Seeds for the two hashes of a host's id; any two unrelated values do.
const OFFSET_SEED = 0xdeadbeef;
const SKIP_SEED = 0xdeadbabe;

function isPrime(n: number): boolean {
  if (n < 2 || !Number.isInteger(n)) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * Maglev consistent hashing (Eisenbud et al., NSDI 2016), weighted as in
 * Envoy. Each host has a preference list over the M table slots,
 * `(offset + j × skip) mod M` with offset and skip from two hashes of its id;
 * M prime makes every such list a permutation of all slots. Hosts take turns
 * claiming their next preferred free slot until the table is full (a heavier
 * host takes turns more often). A key is looked up as `table[hash mod M]`:
 * O(1) per pick, and equal-weight hosts own slot counts that differ by at
 * most one.
 *
 * When the eligible set changes the table is rebuilt over the eligible hosts.
 * Because each host still walks the same preference list, most slots keep
 * their owner: a change moves a little more than the ideal 1/n of keys,
 * traded for the even shares and the O(1) lookup.
 */
export class MaglevBalancer extends BalancerBase {
  readonly tableSize: number;
  private readonly offset: Float64Array;
  private readonly skip: Float64Array;
  private table: Int32Array;

  constructor(hosts: readonly Host[], options: MaglevOptions = {}) {
    super(hosts);
    const m = options.tableSize ?? balancerDefaults.maglev.tableSize;
    if (!isPrime(m)) throw new RangeError(`Maglev table size must be prime, got ${m}`);
    if (m < hosts.length) throw new RangeError(`Maglev table size ${m} is smaller than the ${hosts.length} hosts`);
    this.tableSize = m;
    this.offset = Float64Array.from(hosts, (h) => hashString(h.id, OFFSET_SEED) % m);
    this.skip = Float64Array.from(hosts, (h) => (hashString(h.id, SKIP_SEED) % (m - 1)) + 1);
    this.table = new Int32Array(m);
    this.build();
  }

  /** A copy of the lookup table: the owning host of each slot. */
  entries(): Int32Array {
    return this.table.slice();
  }

  protected override onEligibleChanged(): void {
    this.build();
  }

  private build(): void {
    const m = this.tableSize;
    const hosts = this.eligibleHosts;
    const table = new Int32Array(m).fill(-1);
    // Each host's place on its preference list, (offset + j × skip) mod M for
    // its j-th choice, kept as the slot itself and stepped by skip: one
    // addition per step where the product and a floating-point modulo (a
    // call into C) per step were most of a build. The same slots exactly.
    const cursor = Float64Array.from(hosts, (h) => this.offset[h]);
    let totalWeight = 0;
    for (const h of hosts) totalWeight += this.hosts[h].weight;
    const share = hosts.map((h) => this.hosts[h].weight / totalWeight);
    const maxShare = share.reduce((m, x) => Math.max(m, x), 0);
    const target = new Float64Array(hosts.length);
    let filled = 0;
    // A host of the largest weight claims a slot every round; one of a third
    // of that weight every third round.
    for (let round = 1; filled < m; round++) {
      for (let i = 0; i < hosts.length && filled < m; i++) {
        if (round * share[i] < target[i]) continue;
        target[i] += maxShare;
        const skip = this.skip[hosts[i]];
        let slot = cursor[i];
        while (table[slot] >= 0) {
          slot += skip;
          if (slot >= m) slot -= m;
        }
        table[slot] = hosts[i];
        slot += skip;
        cursor[i] = slot >= m ? slot - m : slot;
        filled++;
      }
    }
    this.table = table;
  }

  pick(_now: number, random: RandomSource, key?: HashKey): number {
    const slot = key === undefined ? Math.floor(random() * this.tableSize) : hashKey(key) % this.tableSize;
    return this.table[slot];
  }
}
