import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformHosts, weightedHosts, type Host } from '../../../src/resilience/load-balancing/host.ts';
import { RingHashBalancer } from '../../../src/resilience/load-balancing/ring-hash.ts';

const keys = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
const noRandom = () => Number.NaN;

/** Each key's host id. */
function placement(hosts: readonly Host[], eligible?: number[], someKeys: readonly string[] = keys): string[] {
  const lb = new RingHashBalancer(hosts);
  if (eligible) lb.setEligible(eligible, 0);
  return someKeys.map((k) => hosts[lb.pick(0, noRandom, k)].id);
}

/** Enough keys for the exact properties, which one counterexample breaks. */
const fewKeys = keys.slice(0, 3000);

describe('RingHashBalancer', () => {
  it('places a key on the same host id whatever the order the hosts are listed in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(uniformHosts(8), { minLength: 8, maxLength: 8 }), (shuffled) => {
        expect(placement(shuffled, undefined, fewKeys)).toEqual(placement(uniformHosts(8), undefined, fewKeys));
      }),
      { numRuns: 10 },
    );
  });

  it('adding a host moves keys only onto the new host, about 1/(n+1) of them', () => {
    const n = 10;
    const before = placement(uniformHosts(n));
    const after = placement(uniformHosts(n + 1));
    const moved = keys.filter((_, i) => before[i] !== after[i]).length;
    const movedElsewhere = keys.filter((_, i) => before[i] !== after[i] && after[i] !== `host-${n}`);
    expect(movedElsewhere).toEqual([]);
    // The new host's share is the sum of its 100 arcs: relative spread about
    // 1/sqrt(100) = 10%; the 20 000 keys add a binomial error of about 0.002.
    // Allow 4 of each around 1/11 ≈ 0.091.
    const expected = 1 / (n + 1);
    const tolerance = 4 * expected * 0.1 + 4 * Math.sqrt((expected * (1 - expected)) / keys.length);
    expect(Math.abs(moved / keys.length - expected)).toBeLessThanOrEqual(tolerance);
  });

  it('a host becoming ineligible moves exactly its own keys, to where a ring without it would put them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), (n, r) => {
        const gone = r % n;
        const hosts = uniformHosts(n);
        const full = placement(hosts, undefined, fewKeys);
        const without = placement(
          hosts,
          hosts.map((_, i) => i).filter((i) => i !== gone),
          fewKeys,
        );
        const rebuilt = placement(
          hosts.filter((_, i) => i !== gone),
          undefined,
          fewKeys,
        );
        expect(without).toEqual(rebuilt);
        const strayed = fewKeys.filter((_, i) => full[i] !== `host-${gone}` && without[i] !== full[i]);
        expect(strayed).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('gives hosts points in proportion to weight, and keys roughly in proportion too', () => {
    const lb = new RingHashBalancer(weightedHosts([1, 2, 3]), { pointsPerHost: 200 });
    expect(lb.ringSize).toBe(1200);
    const counts = [0, 0, 0];
    for (const k of keys) counts[lb.pick(0, noRandom, k)]++;
    // Shares 1/6, 2/6, 3/6; each host's arcs sum with relative spread about 1/sqrt(points) ≤ 7%; allow 4 of those.
    [1, 2, 3].forEach((w, h) => {
      const share = w / 6;
      expect(Math.abs(counts[h] / keys.length - share)).toBeLessThanOrEqual(4 * share * (1 / Math.sqrt(200 * w)));
    });
  });

  it('spreads keyless picks over the ring at random', () => {
    const lb = new RingHashBalancer(uniformHosts(4));
    const random = randomLcg(9);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(lb.pick(0, random));
    expect(seen.size).toBe(4);
  });

  it('refuses a ring larger than maxRingSize', () => {
    expect(() => new RingHashBalancer(uniformHosts(10), { pointsPerHost: 100, maxRingSize: 999 })).toThrow(RangeError);
  });
});
