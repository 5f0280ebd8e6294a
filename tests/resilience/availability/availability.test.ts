import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availabilityFromMtbf,
  downtimeMinutesPerYear,
  failoverAvailability,
  nPlusKAvailability,
  nines,
  parallelAvailability,
  serialAvailability,
} from '../../../src/resilience/availability/index.ts';

describe('availability arithmetic', () => {
  it('computes the textbook values', () => {
    expect(availabilityFromMtbf(999, 1)).toBe(0.999);
    expect(serialAvailability([0.99, 0.99])).toBeCloseTo(0.9801, 12);
    expect(parallelAvailability([0.99, 0.99])).toBeCloseTo(0.9999, 12);
    expect(nines(0.999)).toBeCloseTo(3, 12);
    // 99.9 % is 525.96 minutes a year (365.25 days).
    expect(downtimeMinutesPerYear(0.999)).toBeCloseTo(525.96, 2);
    // 2 needed of 3 at 0.9: 0.9³ + 3 · 0.9² · 0.1 = 0.972.
    expect(nPlusKAvailability(2, 1, 0.9)).toBeCloseTo(0.972, 12);
  });

  it('a zero failover gap leaves the parallel formula as it is; a gap costs λ·g·P(at least two up)', () => {
    const a = availabilityFromMtbf(10, 2);
    expect(failoverAvailability(2, 10, 2, 0)).toBeCloseTo(parallelAvailability([a, a]), 12);
    expect(failoverAvailability(2, 10, 2, 0.01)).toBeCloseTo(parallelAvailability([a, a]) - (0.01 / 10) * a * a, 12);
  });

  it('rejects what is not an availability, an MTBF or a count', () => {
    expect(() => serialAvailability([])).toThrow(RangeError);
    expect(() => parallelAvailability([1.1])).toThrow(RangeError);
    expect(() => availabilityFromMtbf(0, 1)).toThrow(RangeError);
    expect(() => nPlusKAvailability(0, 1, 0.5)).toThrow(RangeError);
    expect(() => failoverAvailability(2, 10, 1, -1)).toThrow(RangeError);
  });
});

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const parts = fc.array(fraction, { minLength: 1, maxLength: 8 });

describe('availability properties', () => {
  it('series never beats its weakest part, parallel never falls below its strongest, both stay in [0, 1]', () => {
    fc.assert(
      fc.property(parts, (as) => {
        const s = serialAvailability(as);
        const p = parallelAvailability(as);
        expect(s).toBeLessThanOrEqual(Math.min(...as) + 1e-12);
        expect(p).toBeGreaterThanOrEqual(Math.max(...as) - 1e-12);
        for (const x of [s, p]) expect(x >= 0 && x <= 1).toBe(true);
      }),
    );
  });

  it('N+k: one needed is the parallel formula, no spare is the serial one, and it never exceeds the closed form for independent parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fraction, (needed, spare, a) => {
        const nk = nPlusKAvailability(needed, spare, a);
        const all = new Array<number>(needed + spare).fill(a);
        expect(nk).toBeLessThanOrEqual(parallelAvailability(all) + 1e-12);
        if (needed === 1) expect(nk).toBeCloseTo(parallelAvailability(all), 10);
        if (spare === 0) expect(nk).toBeCloseTo(serialAvailability(all), 10);
        expect(nPlusKAvailability(needed, spare + 1, a)).toBeGreaterThanOrEqual(nk - 1e-12);
      }),
    );
  });

  it('a failover gap never raises availability above the closed form for independent parallel replicas, and a longer gap never helps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, mtbf, mttr, gap) => {
          const a = availabilityFromMtbf(mtbf, mttr);
          const closed = parallelAvailability(new Array<number>(n).fill(a));
          const withGap = failoverAvailability(n, mtbf, mttr, gap);
          expect(withGap).toBeLessThanOrEqual(closed + 1e-12);
          expect(failoverAvailability(n, mtbf, mttr, gap * 2)).toBeLessThanOrEqual(withGap + 1e-12);
        },
      ),
    );
  });
});
