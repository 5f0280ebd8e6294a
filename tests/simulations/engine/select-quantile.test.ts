import { quantile } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileOf, quantilesOf, selectQuantile } from '../../../simulations/engine/select-quantile.ts';

describe('selectQuantile', () => {
  it('agrees with d3-array quantile for any values and p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          expect(selectQuantile(Float64Array.from(values), p)).toBeCloseTo(quantile(values, p)!, 6);
        },
      ),
    );
  });

  it('returns exactly what d3-array quantile returns, duplicates and infinities included', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(Infinity, -Infinity, 0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000, size: 'medium' }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        expect(Object.is(selectQuantile(Float64Array.from(values), p), quantile(values, p)!)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const many = Float64Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 97);
    for (const p of [0, 0.5, 0.99, 0.999, 1]) expect(selectQuantile(many.slice(), p)).toBe(quantile(many, p));
  });

  it('is NaN for no values', () => {
    expect(selectQuantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('quantileOf', () => {
  // Ties, signed zeros, NaN and values all over the doubles: the result must be d3's to the bit, since scenario results are compared byte for byte.
  const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 1, 2, NaN, Infinity, -Infinity), fc.integer({ min: -5, max: 5 }));
  const sameAsD3 = (values: number[], p: number): void => {
    expect(Object.is(quantileOf(values, p), quantile(values, p))).toBe(true);
  };

  it('returns exactly what d3-array quantile returns, for any values and p', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 2000, size: 'medium' }),
        fc.oneof(fc.double({ min: 0, max: 1 }), fc.constantFrom(0, 1, -0.5, 1.5, 0.5, 0.99, NaN)),
        sameAsD3,
      ),
      { numRuns: 500 },
    );
    // Sorted input takes a shortcut past the selection.
    fc.assert(
      fc.property(fc.array(value, { maxLength: 2000, size: 'medium' }), fc.double({ min: 0, max: 1 }), (values, p) => {
        sameAsD3(
          values.sort((x, y) => x - y),
          p,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('takes the selection path (over 600 values) and the edges of p like d3', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1013) / 7 - (i % 3 === 0 ? 0 : 50));
    for (const p of [0, 1e-9, 0.25, 0.5, 0.9, 0.99, 0.999, 1]) sameAsD3(values, p);
    const ascending = values.slice().sort((x, y) => x - y);
    for (const p of [0, 1e-9, 0.25, 0.5, 0.9, 0.99, 0.999, 1]) sameAsD3(ascending, p);
    sameAsD3([-0, 0, 0, 1], 0.2);
    sameAsD3([0, -0, 1], 0.4);
    sameAsD3([], 0.5);
    sameAsD3([NaN, NaN], 0.5);
    sameAsD3([3], 0.5);
  });

  it('leaves its input as it was', () => {
    const values = [5, 1, 4, 2, 3];
    quantileOf(values, 0.5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });
});

describe('quantilesOf', () => {
  const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 1, 2, NaN, Infinity, -Infinity), fc.integer({ min: -5, max: 5 }));
  const p = fc.oneof(fc.double({ min: 0, max: 1 }), fc.constantFrom(0, 1, -0.5, 1.5, 0.5, 0.99, NaN));
  // Each p's result must be quantileOf's to the bit, whatever the order of ps and whatever the selections before it left in the copy.
  const sameAsOneByOne = (values: number[], ps: number[]): void => {
    const all = quantilesOf(values, ps);
    expect(all).toHaveLength(ps.length);
    ps.forEach((q, k) => expect(Object.is(all[k], quantileOf(values, q))).toBe(true));
  };

  it('gives each p exactly what quantileOf gives it, in any order of ps, sorted input or not', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 2000, size: 'medium' }), fc.array(p, { maxLength: 6 }), sameAsOneByOne), { numRuns: 500 });
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e3, max: 1e3 }), { maxLength: 2000, size: 'medium' }), fc.array(p, { maxLength: 6 }), (values, ps) =>
        sameAsOneByOne(
          values.sort((x, y) => x - y),
          ps,
        ),
      ),
      { numRuns: 200 },
    );
  });

  it('selects past earlier selections on long inputs, ties and repeated ps included', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1013) / 7 - (i % 3 === 0 ? 0 : 50));
    sameAsOneByOne(values, [0.99, 0.5, 0.5, 0.9, 1e-9, 0.999, 0, 1, 0.25]);
    sameAsOneByOne(
      Array.from({ length: 3000 }, (_, i) => i % 4),
      [0.5, 0.99, 0.75, 0.25],
    );
    sameAsOneByOne([-0, 0, 0, 1], [0.2, 0.5]);
    // A NaN among the ps must not leave them out of order (found by the property above).
    sameAsOneByOne([0, -5e-324, 0, 0], [0.99, NaN, 0.5]);
    sameAsOneByOne([3, 1, 2, 5, 4], [NaN, 0.99, NaN, 0.25]);
    sameAsOneByOne([], [0.5, 0.99]);
    sameAsOneByOne([3], [0.5, 0.99]);
  });

  it('leaves its input as it was', () => {
    const values = [5, 1, 4, 2, 3];
    quantilesOf(values, [0.5, 0.99]);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });
});
