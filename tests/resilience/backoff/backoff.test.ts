import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import {
  brookerBackoff,
  constantBackoff,
  decorrelatedJitterBackoff,
  exponentialBackoff,
  jitterStrategies,
  linearBackoff,
  type Backoff,
} from '../../../src/resilience/backoff/index.ts';

/**
 * Random values as d3's randomLcg makes them: multiples of 2^-32 in [0, 1).
 * Keeping 2^-32 away from 1 also keeps v·r strictly below v after rounding,
 * which the half-open bounds below rely on.
 */
const unit = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((k) => k / 2 ** 32);
const base = fc.double({ min: 0.001, max: 10_000, noNaN: true });
const capFactor = fc.double({ min: 1, max: 1000, noNaN: true });
const factor = fc.double({ min: 1, max: 4, noNaN: true });
const retry = fc.integer({ min: 1, max: 80 });

const at = (backoff: Backoff, retryNumber: number, r: number, previousDelay?: number) =>
  backoff({ retry: retryNumber, previousDelay, random: () => r });

describe('deterministic backoffs', () => {
  it('constant returns the same delay for every retry', () => {
    const b = constantBackoff(250);
    expect([1, 2, 10].map((n) => at(b, n, 0.5))).toEqual([250, 250, 250]);
  });

  it('linear grows by the step from the initial delay and stops at the cap', () => {
    const b = linearBackoff({ initialMs: 100, stepMs: 50, capMs: 300 });
    expect([1, 2, 3, 4, 5, 6].map((n) => at(b, n, 0.5))).toEqual([100, 150, 200, 250, 300, 300]);
  });

  it('exponential without jitter is min(cap, base·2^retry) with retry 1 for the first retry', () => {
    const b = exponentialBackoff({ baseMs: 5, capMs: 2000, jitter: 'none' });
    expect([1, 2, 3, 8, 9, 10].map((n) => at(b, n, 0.5))).toEqual([10, 20, 40, 1280, 2000, 2000]);
  });

  it('exponential uses the given factor', () => {
    const b = exponentialBackoff({ baseMs: 10, factor: 3, capMs: 1e6, jitter: 'none' });
    expect([1, 2, 3].map((n) => at(b, n, 0))).toEqual([30, 90, 270]);
  });

  it('exponential stays finite and capped when factor^retry overflows, and 0 with a zero base', () => {
    expect(at(exponentialBackoff({ baseMs: 1, capMs: 500, jitter: 'none' }), 5000, 0.5)).toBe(500);
    expect(at(exponentialBackoff({ baseMs: 0, capMs: 500, jitter: 'full' }), 5000, 0.5)).toBe(0);
  });

  it('rejects options that would give negative or meaningless delays', () => {
    expect(() => constantBackoff(-1)).toThrow(RangeError);
    expect(() => exponentialBackoff({ baseMs: 1, capMs: 10, factor: 0.5, jitter: 'none' })).toThrow(RangeError);
    expect(() => decorrelatedJitterBackoff({ baseMs: 10, capMs: 5 })).toThrow(RangeError);
    expect(() => linearBackoff({ initialMs: 1, stepMs: Number.NaN, capMs: 5 })).toThrow(RangeError);
  });
});

describe('jitter bounds (properties)', () => {
  it('full jitter lies in [0, v) with v = min(cap, base·factor^retry), so never above the cap', () => {
    fc.assert(
      fc.property(base, capFactor, factor, retry, unit, (b, c, f, n, r) => {
        const cap = b * c;
        const v = Math.min(cap, b * f ** n);
        const d = at(exponentialBackoff({ baseMs: b, capMs: cap, factor: f, jitter: 'full' }), n, r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(v);
        expect(d).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('equal jitter lies in [v/2, v), so never above the cap', () => {
    fc.assert(
      fc.property(base, capFactor, factor, retry, unit, (b, c, f, n, r) => {
        const cap = b * c;
        const v = Math.min(cap, b * f ** n);
        const d = at(exponentialBackoff({ baseMs: b, capMs: cap, factor: f, jitter: 'equal' }), n, r);
        expect(d).toBeGreaterThanOrEqual(v / 2);
        expect(d).toBeLessThan(v);
      }),
    );
  });

  it('decorrelated jitter lies in [base, min(cap, 3·previous)] along a whole sequence, previous starting at base', () => {
    fc.assert(
      fc.property(base, capFactor, fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 40 }), (b, c, seed, retries) => {
        const cap = b * c;
        const backoff = decorrelatedJitterBackoff({ baseMs: b, capMs: cap });
        const random = randomLcg(seed);
        let previous: number | undefined;
        for (let n = 1; n <= retries; n++) {
          const d = backoff({ retry: n, previousDelay: previous, random });
          const upper = Math.min(cap, 3 * (previous ?? b));
          expect(d).toBeGreaterThanOrEqual(b);
          expect(d).toBeLessThanOrEqual(upper);
          previous = d;
        }
      }),
    );
  });

  it('every Brooker strategy returns a delay in [0, cap]', () => {
    fc.assert(
      fc.property(fc.constantFrom(...jitterStrategies), base, capFactor, retry, unit, unit, (s, b, c, n, r, prevFraction) => {
        const cap = b * c;
        const previous = b + (cap - b) * prevFraction;
        const d = at(brookerBackoff(s, { baseMs: b, capMs: cap }), n, r, previous);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe('Brooker strategies', () => {
  it("'none' never waits and 'exponential' is the unjittered curve", () => {
    expect(at(brookerBackoff('none', { baseMs: 5, capMs: 2000 }), 3, 0.9)).toBe(0);
    expect(at(brookerBackoff('exponential', { baseMs: 5, capMs: 2000 }), 3, 0.9)).toBe(40);
  });

  it("'full', 'equal' and 'decorrelated' draw exactly as the formulas say", () => {
    const opts = { baseMs: 5, capMs: 2000 };
    expect(at(brookerBackoff('full', opts), 3, 0.25)).toBe(10); // U(0, 40) at 0.25
    expect(at(brookerBackoff('equal', opts), 3, 0.25)).toBe(25); // 20 + U(0, 20) at 0.25
    expect(at(brookerBackoff('decorrelated', opts), 3, 0.5, 100)).toBe(152.5); // U(5, 300) at 0.5
    expect(at(brookerBackoff('decorrelated', opts), 1, 0.5)).toBe(10); // U(5, 15): previous starts at base
  });

  it('full jitter averages v/2 and equal jitter 3v/4 on a fixed seed', () => {
    // U(0, v) has sd v/√12; over n = 20 000 draws the mean's standard error is
    // v/(√12·√n) ≈ v/490. A tolerance of 4 standard errors fails by chance
    // with probability < 1e-4, and the fixed seed makes the run repeatable.
    // Equal jitter's random half has half that spread, so the same bound is looser still.
    const n = 20_000;
    const v = 640; // retry 7 at base 5: 5·2^7
    const tolerance = (4 * v) / Math.sqrt(12 * n);
    for (const [strategy, expected] of [
      ['full', v / 2],
      ['equal', (3 * v) / 4],
    ] as const) {
      const backoff = brookerBackoff(strategy, { baseMs: 5, capMs: 2000 });
      const random = randomLcg(42);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += backoff({ retry: 7, previousDelay: undefined, random });
      expect(Math.abs(sum / n - expected)).toBeLessThan(tolerance);
    }
  });
});
