import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { successRateEjectionThreshold } from '../../../src/resilience/health/success-rate-threshold.ts';

describe('successRateEjectionThreshold', () => {
  it('reproduces Envoy’s worked example: {50, 100, 100, 100, 100} with factor 1.9 gives mean 90, stdev 20, threshold 52', () => {
    expect(successRateEjectionThreshold([50, 100, 100, 100, 100], 1.9)).toEqual({ mean: 90, stdev: 20, threshold: 52 });
  });

  it('is never above the mean, and equals it when all rates agree', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 5, noNaN: true }), (rates, factor) => {
        const { mean, threshold } = successRateEjectionThreshold(rates, factor);
        expect(threshold).toBeLessThanOrEqual(mean + 1e-9);
      }),
    );
    expect(successRateEjectionThreshold([97, 97, 97], 1.9).threshold).toBe(97);
  });
});
