import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformHosts } from '../../../src/resilience/load-balancing/host.ts';
import { LeastOutstandingBalancer } from '../../../src/resilience/load-balancing/least-outstanding.ts';
import { expectProportional } from './statistics.ts';

describe('LeastOutstandingBalancer', () => {
  it('always picks an eligible host with the fewest requests in flight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, ops, seed) => {
          const lb = new LeastOutstandingBalancer(uniformHosts(n));
          const random = randomLcg(seed);
          const inFlight: number[] = [];
          for (const [start, which] of ops) {
            if (start || inFlight.length === 0) {
              const h = lb.pick(0, random);
              const min = Math.min(...lb.eligible.map((e) => lb.outstandingRequests(e)));
              expect(lb.outstandingRequests(h)).toBe(min);
              lb.onStart(h);
              inFlight.push(h);
            } else {
              const [h] = inFlight.splice(which % inFlight.length, 1);
              lb.onEnd(h);
            }
          }
        },
      ),
    );
  });

  it('breaks ties uniformly at random (binomial tolerance, fixed seed)', () => {
    const lb = new LeastOutstandingBalancer(uniformHosts(4));
    const random = randomLcg(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[lb.pick(0, random)]++;
    expectProportional(counts, [1, 1, 1, 1], (ok, msg) => expect(ok, msg).toBe(true));
  });

  it('draws once to choose among the tied hosts, in index order', () => {
    const lb = new LeastOutstandingBalancer(uniformHosts(5));
    for (const h of [0, 2, 2]) lb.onStart(h);
    // Hosts 1, 3 and 4 are idle; a draw of 0.5 takes the second of them.
    const draws = [0.5];
    expect(lb.pick(0, () => draws.shift()!)).toBe(3);
    expect(draws).toEqual([]);
  });

  it('refuses an end without a start', () => {
    const lb = new LeastOutstandingBalancer(uniformHosts(2));
    expect(() => lb.onEnd(1)).toThrow(RangeError);
  });
});
