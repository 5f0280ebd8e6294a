import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedHosts } from '../../../src/resilience/load-balancing/host.ts';
import { SMOOTH_SCAN_MAX_HOSTS, SmoothWeightedRoundRobinBalancer } from '../../../src/resilience/load-balancing/smooth-weighted-round-robin.ts';

const names = 'abcdefghij';

describe('SmoothWeightedRoundRobinBalancer', () => {
  it('gives nginx’s exact sequence for weights {5, 1, 1}: a a b a c a a', () => {
    const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts([5, 1, 1]));
    const seq = Array.from({ length: 14 }, () => names[lb.pick(0)]).join('');
    expect(seq).toBe('aabacaa' + 'aabacaa');
  });

  it('in every cycle of sum(weights) picks, each host is picked exactly its weight', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (weights) => {
        const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts(weights));
        const total = weights.reduce((a, b) => a + b, 0);
        for (let cycle = 0; cycle < 3; cycle++) {
          const counts = new Array<number>(weights.length).fill(0);
          for (let i = 0; i < total; i++) counts[lb.pick(0)]++;
          expect(counts).toEqual(weights);
        }
      }),
    );
  });

  it('spreads a heavy host: it never runs more than ceil(w / others) + 1 picks in a row', () => {
    // With {5,1,1} a plain weighted round robin sends 5 in a row; the smooth one at most 2.
    const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts([5, 1, 1]));
    let run = 0;
    let longest = 0;
    for (let i = 0; i < 70; i++) {
      run = lb.pick(0) === 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(Math.ceil(5 / 2) + 1);
    expect(longest).toBeGreaterThanOrEqual(2);
  });

  it('balances over the eligible hosts only, in proportion to their weights', () => {
    const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts([5, 1, 1, 3]));
    lb.setEligible([1, 3], 0);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40; i++) counts[lb.pick(0)]++;
    expect(counts).toEqual([0, 10, 0, 30]);
  });

  it('ramps a host that became eligible over the slow-start window', () => {
    const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts([1, 1]), { slowStart: { windowMs: 1000 } });
    lb.setEligible([0], 0);
    lb.setEligible([0, 1], 0);
    // At 100 ms host 1 has 10% of its weight (the floor); at 500 ms, 50%; after the window, all of it.
    const share = (now: number) => {
      let ones = 0;
      for (let i = 0; i < 1100; i++) ones += lb.pick(now);
      return ones / 1100;
    };
    expect(share(100)).toBeCloseTo(0.1 / 1.1, 2);
    expect(share(500)).toBeCloseTo(0.5 / 1.5, 2);
    expect(share(1000)).toBeCloseTo(0.5, 2);
  });

  it(`above ${SMOOTH_SCAN_MAX_HOSTS} hosts (EDF), each cycle of sum(weights) picks gives every host exactly its weight`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: SMOOTH_SCAN_MAX_HOSTS + 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 3 }),
        (weights, cycles) => {
          const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts(weights));
          const total = weights.reduce((a, b) => a + b, 0);
          const counts = new Array<number>(weights.length).fill(0);
          for (let i = 0; i < cycles * total; i++) {
            counts[lb.pick(0)]++;
          }
          // EDF picks host h for the k-th time at schedule time k / w_h: after `cycles` units, exactly cycles · w_h picks.
          counts.forEach((c, h) => expect(c).toBe(cycles * weights[h]));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('switches between the exact scan and EDF as the eligible set crosses the limit, keeping proportions', () => {
    const n = SMOOTH_SCAN_MAX_HOSTS + 6;
    const weights = Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const lb = new SmoothWeightedRoundRobinBalancer(weightedHosts(weights));
    const share = (hosts: number[]) => {
      const total = hosts.reduce((a, h) => a + weights[h], 0);
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 2 * total; i++) counts[lb.pick(0)]++;
      return hosts.every((h) => counts[h] === 2 * weights[h]) && counts.reduce((a, b) => a + b, 0) === 2 * total;
    };
    const all = weights.map((_, i) => i);
    expect(share(all)).toBe(true);
    const few = all.slice(0, 10);
    lb.setEligible(few, 0);
    expect(share(few)).toBe(true);
    lb.setEligible(all, 0);
    expect(share(all)).toBe(true);
  });
});
