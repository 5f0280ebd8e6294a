import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformHosts, weightedHosts } from '../../../src/resilience/load-balancing/host.ts';
import { LeastRequestBalancer } from '../../../src/resilience/load-balancing/least-request.ts';
import { UniformRandomBalancer } from '../../../src/resilience/load-balancing/uniform-random.ts';
import { expectProportional, tally } from './statistics.ts';

/** A random source that returns the given draws in order. */
function draws(...values: number[]): () => number {
  return () => {
    const v = values.shift();
    if (v === undefined) throw new Error('ran out of draws');
    return v;
  };
}

describe('LeastRequestBalancer, equal weights (power of d choices)', () => {
  it('takes the less loaded of the two sampled hosts, the first on a tie', () => {
    const lb = new LeastRequestBalancer(uniformHosts(4));
    lb.onStart(1);
    lb.onStart(1);
    lb.onStart(3);
    // Samples host 1 (2 in flight) then host 3 (1 in flight): host 3.
    expect(lb.pick(0, draws(0.3, 0.8))).toBe(3);
    // Samples host 0 then host 2, both idle: the first.
    expect(lb.pick(0, draws(0.1, 0.6))).toBe(0);
  });

  it('picks a host no busier than any of the d it sampled (d from 1 to 5)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 10 }), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 5, maxLength: 5 }), (d, loads, us) => {
        const lb = new LeastRequestBalancer(uniformHosts(loads.length), { choiceCount: d });
        loads.forEach((l, h) => {
          for (let i = 0; i < l; i++) lb.onStart(h);
        });
        const sampled = us.slice(0, d).map((u) => Math.floor(u * loads.length));
        const h = lb.pick(0, draws(...us));
        expect(sampled).toContain(h);
        expect(loads[h]).toBe(Math.min(...sampled.map((s) => loads[s])));
      }),
    );
  });

  it('with d = 1 is plain random: equal shares in the long run', () => {
    const lb = new LeastRequestBalancer(uniformHosts(5), { choiceCount: 1 });
    const random = randomLcg(11);
    const counts = tally(5, 50_000, () => lb.pick(0, random));
    expectProportional(counts, [1, 1, 1, 1, 1], (ok, msg) => expect(ok, msg).toBe(true));
  });

  it('two choices cut the maximum load of balls into bins far below one choice', () => {
    // n = m = 10 000 requests that never end. Theory: one choice gives a
    // maximum of about ln n / ln ln n ≈ 4.2 plus lower-order terms (7 to 9 in
    // practice); two choices about ln ln n / ln 2 + O(1) ≈ 3 to 4.
    const n = 10_000;
    const maxLoad = (lb: LeastRequestBalancer | UniformRandomBalancer, seed: number) => {
      const random = randomLcg(seed);
      const load = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) {
        const h = lb.pick(0, random);
        lb.onStart(h, 0);
        load[h]++;
      }
      return Math.max(...load);
    };
    const one = maxLoad(new UniformRandomBalancer(uniformHosts(n)), 1);
    const two = maxLoad(new LeastRequestBalancer(uniformHosts(n)), 1);
    expect(one).toBeGreaterThanOrEqual(6);
    expect(two).toBeLessThanOrEqual(4);
  });
});

describe('LeastRequestBalancer, unequal weights (EDF with active-request bias)', () => {
  it('with bias 0 is weighted round robin: shares follow weights whatever the load', () => {
    const lb = new LeastRequestBalancer(weightedHosts([1, 2, 5]), { activeRequestBias: 0 });
    for (let i = 0; i < 10; i++) lb.onStart(2);
    const counts = tally(3, 8000, () => lb.pick(0, randomLcg(0)));
    expect(counts.map((c) => Math.round(c / 1000))).toEqual([1, 2, 5]);
  });

  it('divides a host’s weight by (active + 1) ^ bias', () => {
    // Weights 4 and 1; host 0 has 3 requests in flight. Bias 1: 4/4 = 1 vs 1/1 = 1, equal shares.
    const lb = new LeastRequestBalancer(weightedHosts([4, 1]), { activeRequestBias: 1 });
    for (let i = 0; i < 3; i++) lb.onStart(0);
    const even = tally(2, 1000, () => lb.pick(0, randomLcg(0)));
    expect(even).toEqual([500, 500]);
    // Bias 2: 4/16 = 0.25 vs 1: host 0 gets a fifth.
    const lb2 = new LeastRequestBalancer(weightedHosts([4, 1]), { activeRequestBias: 2 });
    for (let i = 0; i < 3; i++) lb2.onStart(0);
    const skewed = tally(2, 1000, () => lb2.pick(0, randomLcg(0)));
    expect(skewed).toEqual([200, 800]);
  });

  it('switches to the weighted schedule while a host is in slow start, and back after', () => {
    const lb = new LeastRequestBalancer(uniformHosts(2), { slowStart: { windowMs: 1000, minWeightPercent: 25 } });
    lb.setEligible([0], 0);
    lb.setEligible([0, 1], 0);
    // At 100 ms host 1 weighs 0.25: a fifth of the picks, exactly, from the EDF schedule.
    const ramp = tally(2, 1000, () => lb.pick(100, randomLcg(0)));
    expect(ramp).toEqual([800, 200]);
    // After the window: two random choices among idle hosts, about half each.
    const random = randomLcg(3);
    const after = tally(2, 20_000, () => lb.pick(2000, random));
    expectProportional(after, [1, 1], (ok, msg) => expect(ok, msg).toBe(true));
  });

  it('rejects a choice count below 1 and a negative bias', () => {
    expect(() => new LeastRequestBalancer(uniformHosts(2), { choiceCount: 0 })).toThrow(RangeError);
    expect(() => new LeastRequestBalancer(uniformHosts(2), { activeRequestBias: -1 })).toThrow(RangeError);
  });
});
