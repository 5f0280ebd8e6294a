import { quantile } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectQuantile } from '../../../simulations/engine/select-quantile.ts';

describe('selectQuantile', () => {
  it('agrees with d3-array quantile for any values and p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        expect(selectQuantile(Float64Array.from(values), p)).toBeCloseTo(quantile(values, p)!, 6);
      }),
    );
  });

  it('is NaN for no values', () => {
    expect(selectQuantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});
