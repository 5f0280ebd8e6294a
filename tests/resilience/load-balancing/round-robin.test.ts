import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformHosts } from '../../../src/resilience/load-balancing/host.ts';
import { RoundRobinBalancer } from '../../../src/resilience/load-balancing/round-robin.ts';

const never = () => {
  throw new Error('round robin without randomStart must not draw');
};

describe('RoundRobinBalancer', () => {
  it('visits hosts in order from host 0 when randomStart is off', () => {
    const lb = new RoundRobinBalancer(uniformHosts(3), { randomStart: false });
    expect(Array.from({ length: 7 }, () => lb.pick(0, never))).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('every window of n consecutive picks visits each of the n eligible hosts exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, seed) => {
        const lb = new RoundRobinBalancer(uniformHosts(n));
        const random = randomLcg(seed);
        const picks = Array.from({ length: 3 * n }, () => lb.pick(0, random));
        for (let start = 0; start + n <= picks.length; start++) {
          expect(new Set(picks.slice(start, start + n)).size).toBe(n);
        }
      }),
    );
  });

  it('starts at a random host so that clients do not move in lock step', () => {
    const draws = [0.7];
    const lb = new RoundRobinBalancer(uniformHosts(5));
    // One draw for the starting point (0.7 of 5 hosts: host 3), none after it.
    const picks = Array.from({ length: 6 }, () => lb.pick(0, () => draws.shift() ?? never()));
    expect(picks).toEqual([3, 4, 0, 1, 2, 3]);
  });

  it('rotates over the eligible hosts only', () => {
    const lb = new RoundRobinBalancer(uniformHosts(5), { randomStart: false });
    lb.setEligible([1, 3], 0);
    expect(Array.from({ length: 4 }, () => lb.pick(0, never))).toEqual([1, 3, 1, 3]);
  });
});
