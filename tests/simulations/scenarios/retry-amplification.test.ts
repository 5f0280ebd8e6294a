import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedAmplification, retryAmplification } from '../../../simulations/scenarios/retry-amplification.ts';
import { meanAndStandardError } from './stats.ts';

describe('retry-amplification', () => {
  it('in a hard outage the dependency gets exactly (r+1)^L calls per request, and each tier (r+1)^depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1000 }), (layers, retries, seed) => {
        const r = retryAmplification.run({ layers, retries, failureRate: 1, requests: 3 }, seed);
        expect(r.summary.amplification).toBe((retries + 1) ** layers);
        expect(r.summary.expectedAmplification).toBe((retries + 1) ** layers);
        expect(r.byLayer).toEqual(Array.from({ length: layers + 1 }, (_, depth) => (retries + 1) ** depth));
        expect(r.summary.successRate).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('with a healthy dependency every tier gets exactly one call per request', () => {
    const r = retryAmplification.run({ layers: 4, retries: 3, failureRate: 0, requests: 500 }, 1);
    expect(r.byLayer).toEqual([1, 1, 1, 1, 1]);
    expect(r.summary).toMatchObject({ amplification: 1, expectedAmplification: 1, successRate: 1, expectedSuccessRate: 1 });
  });

  it('the closed form reduces to the known cases: one layer is a truncated geometric series, two layers with one retry (1 + p)(1 + p²)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5 }), (p, r) => {
        let geometric = 0;
        for (let i = 0; i <= r; i++) geometric += p ** i;
        expect(expectedAmplification(1, r, p).byLayer[1]).toBeCloseTo(geometric, 12);
        expect(expectedAmplification(1, r, p).successRate).toBeCloseTo(1 - p ** (r + 1), 12);
        expect(expectedAmplification(2, 1, p).byLayer[2]).toBeCloseTo((1 + p) * (1 + p * p), 12);
      }),
    );
  });

  // Tolerance: 20 runs per case give a sample mean and its standard error
  // (sample sd / √20); the simulation must be within 4 standard errors of the
  // theory (two-sided p ≈ 0.001 under a t distribution with 19 degrees of freedom).
  // Each case is chosen so that every tier retries often enough to vary
  // between runs; a tier that never retries has a standard error of 0.
  const cases = [
    { layers: 1, retries: 3, failureRate: 0.5 },
    { layers: 2, retries: 2, failureRate: 0.7 },
    { layers: 3, retries: 3, failureRate: 0.9 },
    { layers: 4, retries: 1, failureRate: 0.95 },
    { layers: 5, retries: 1, failureRate: 0.8 },
  ];
  it.each(cases)('simulation agrees with theory within sampling error: %o', (c) => {
    const runs = Array.from({ length: 20 }, (_, seed) => retryAmplification.run({ ...c, requests: 2000 }, 100 + seed));
    const amplification = meanAndStandardError(runs.map((r) => r.summary.amplification));
    const success = meanAndStandardError(runs.map((r) => r.summary.successRate));
    const theory = expectedAmplification(c.layers, c.retries, c.failureRate);
    expect(Math.abs(amplification.mean - theory.byLayer[c.layers])).toBeLessThan(4 * amplification.se);
    expect(Math.abs(success.mean - theory.successRate)).toBeLessThan(4 * success.se);
    for (let depth = 1; depth < c.layers; depth++) {
      const tier = meanAndStandardError(runs.map((r) => r.byLayer[depth]));
      expect(Math.abs(tier.mean - theory.byLayer[depth])).toBeLessThan(4 * tier.se);
    }
  });

  it('reports progress rising to 1', () => {
    const seen: number[] = [];
    retryAmplification.run({ layers: 2, retries: 2, failureRate: 0.5, requests: 1000 }, 1, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });
});
