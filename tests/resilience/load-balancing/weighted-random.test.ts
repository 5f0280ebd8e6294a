import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedHosts } from '../../../src/resilience/load-balancing/host.ts';
import { WeightedRandomBalancer } from '../../../src/resilience/load-balancing/weighted-random.ts';
import { expectProportional, tally } from './statistics.ts';

describe('WeightedRandomBalancer', () => {
  it('respects weights in the long run (binomial tolerance, fixed seeds)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), (weights, seed) => {
        const lb = new WeightedRandomBalancer(weightedHosts(weights));
        const random = randomLcg(seed);
        const counts = tally(weights.length, 20_000, () => lb.pick(0, random));
        expectProportional(counts, weights, (ok, msg) => expect(ok, msg).toBe(true));
      }),
      { numRuns: 20 },
    );
  });

  it('maps the random draw onto cumulative weights at their exact edges', () => {
    const lb = new WeightedRandomBalancer(weightedHosts([1, 3]));
    expect(lb.pick(0, () => 0)).toBe(0);
    expect(lb.pick(0, () => 0.2499)).toBe(0);
    expect(lb.pick(0, () => 0.25)).toBe(1);
    expect(lb.pick(0, () => 0.9999)).toBe(1);
  });

  it('uses the eligible hosts’ weights only', () => {
    const lb = new WeightedRandomBalancer(weightedHosts([5, 1, 3]));
    lb.setEligible([1, 2], 0);
    const random = randomLcg(3);
    const counts = tally(3, 20_000, () => lb.pick(0, random));
    expect(counts[0]).toBe(0);
    expectProportional([counts[1], counts[2]], [1, 3], (ok, msg) => expect(ok, msg).toBe(true));
  });

  it('gives a host in slow start its ramped share, then its full share once the window ends', () => {
    const lb = new WeightedRandomBalancer(weightedHosts([1, 1]), { slowStart: { windowMs: 10_000 } });
    lb.setEligible([0], 0);
    lb.setEligible([0, 1], 1000);
    const random = randomLcg(4);
    // 5 s into the window host 1 weighs 0.5: share 1/3. After it, 1/2.
    const during = tally(2, 30_000, () => lb.pick(6000, random));
    expectProportional(during, [1, 0.5], (ok, msg) => expect(ok, msg).toBe(true));
    const after = tally(2, 30_000, () => lb.pick(11_000, random));
    expectProportional(after, [1, 1], (ok, msg) => expect(ok, msg).toBe(true));
  });
});
