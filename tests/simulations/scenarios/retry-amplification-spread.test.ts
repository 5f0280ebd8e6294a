import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedAmplification, retryAmplification } from '../../../simulations/scenarios/retry-amplification.ts';
import { amplificationSpread } from '../../../simulations/theory/retry-amplification-spread.ts';
import { meanAndStandardError } from './stats.ts';

/** The whole distribution of (dependency calls, success) for one top-level request, by enumeration: small stacks only. */
function exactDistribution(layers: number, retries: number, failureRate: number): Map<string, number> {
  let below = new Map([
    [key(1, true), 1 - failureRate],
    [key(1, false), failureRate],
  ]);
  for (let k = 0; k < layers; k++) {
    const above = new Map<string, number>();
    // Calls made so far by requests still retrying, after each attempt.
    let pending = new Map([[0, 1]]);
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      const next = new Map<number, number>();
      for (const [made, p] of pending) {
        for (const [k2, q] of below) {
          const [x, ok] = parse(k2);
          if (ok) add(above, key(made + x, true), p * q);
          else if (attempt === retries + 1) add(above, key(made + x, false), p * q);
          else next.set(made + x, (next.get(made + x) ?? 0) + p * q);
        }
      }
      pending = next;
    }
    below = above;
  }
  return below;
}

const key = (x: number, ok: boolean) => `${x}|${ok}`;
const parse = (k: string): [number, boolean] => [Number(k.split('|')[0]), k.endsWith('true')];
const add = (m: Map<string, number>, k: string, p: number) => m.set(k, (m.get(k) ?? 0) + p);

describe('retry-amplification spread (the variance of calls per request)', () => {
  it('matches the mean and variance of the whole distribution, enumerated, for small stacks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (layers, retries, f) => {
        let mean = 0;
        let square = 0;
        for (const [k, p] of exactDistribution(layers, retries, f)) {
          const [x] = parse(k);
          mean += p * x;
          square += p * x * x;
        }
        const spread = amplificationSpread(layers, retries, f);
        expect(spread.mean).toBeCloseTo(mean, 9);
        expect(spread.variance).toBeCloseTo(Math.max(0, square - mean * mean), 7);
      }),
      { numRuns: 200 },
    );
  });

  it('has the closed form’s mean, and no spread in a hard outage or with a healthy dependency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (layers, retries, f) => {
        const { mean } = amplificationSpread(layers, retries, f);
        const expected = expectedAmplification(layers, retries, f).byLayer[layers];
        expect(Math.abs(mean - expected)).toBeLessThanOrEqual(1e-9 * expected);
      }),
    );
    expect(amplificationSpread(6, 5, 1)).toEqual({ mean: 6 ** 6, variance: 0 });
    expect(amplificationSpread(6, 5, 0)).toEqual({ mean: 1, variance: 0 });
  });

  it('is the spread the simulator shows: one-request runs over many seeds', () => {
    for (const [layers, retries, failureRate] of [
      [2, 2, 0.5],
      [3, 3, 0.9],
      [1, 4, 0.3],
    ]) {
      const { mean, variance } = amplificationSpread(layers, retries, failureRate);
      const calls = Array.from(
        { length: 3000 },
        (_, seed) => retryAmplification.run({ layers, retries, failureRate, requests: 1 }, seed + 1).summary.dependencyCalls,
      );
      // E[(X - mean)²] is the variance: its sample mean lies within a few standard errors of it.
      const squared = meanAndStandardError(calls.map((x) => (x - mean) ** 2));
      expect(Math.abs(squared.mean - variance)).toBeLessThan(4 * squared.se);
    }
  });
});
