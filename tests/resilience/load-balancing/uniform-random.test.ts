import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { uniformHosts } from '../../../src/resilience/load-balancing/host.ts';
import { UniformRandomBalancer } from '../../../src/resilience/load-balancing/uniform-random.ts';
import { expectProportional, tally } from './statistics.ts';

describe('UniformRandomBalancer', () => {
  it('picks each host equally often in the long run (binomial tolerance, fixed seed)', () => {
    const lb = new UniformRandomBalancer(uniformHosts(7));
    const random = randomLcg(1);
    const counts = tally(7, 70_000, () => lb.pick(0, random));
    expectProportional(counts, new Array(7).fill(1), (ok, msg) => expect(ok, msg).toBe(true));
  });

  it('picks only eligible hosts, each equally often', () => {
    const lb = new UniformRandomBalancer(uniformHosts(6));
    lb.setEligible([0, 2, 5], 0);
    const random = randomLcg(2);
    const counts = tally(6, 30_000, () => lb.pick(0, random));
    expect([counts[1], counts[3], counts[4]]).toEqual([0, 0, 0]);
    expectProportional([counts[0], counts[2], counts[5]], [1, 1, 1], (ok, msg) => expect(ok, msg).toBe(true));
  });
});
