import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSlowStart, slowStartFactor } from '../../../src/resilience/load-balancing/slow-start.ts';

describe('slowStartFactor', () => {
  it('is Envoy’s curve: max(min%, (max(t, 1 ms) / window) ^ (1 / aggression)), 1 from the window on', () => {
    const o = { windowMs: 10_000, aggression: 2, minWeightPercent: 5 };
    expect(slowStartFactor(0, o)).toBe(0.05);
    expect(slowStartFactor(2500, o)).toBeCloseTo(0.5, 12);
    expect(slowStartFactor(9999, o)).toBeCloseTo(Math.sqrt(0.9999), 12);
    expect(slowStartFactor(10_000, o)).toBe(1);
    expect(slowStartFactor(Infinity, o)).toBe(1);
  });

  it('defaults to a linear ramp with a 10% floor', () => {
    expect(slowStartFactor(500, { windowMs: 1000 })).toBe(0.5);
    expect(slowStartFactor(50, { windowMs: 1000 })).toBe(0.1);
  });

  it('never decreases with time and stays within [min%, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        (windowMs, aggression, minWeightPercent, t1, t2) => {
          const o = { windowMs, aggression, minWeightPercent };
          const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
          expect(slowStartFactor(a, o)).toBeLessThanOrEqual(slowStartFactor(b, o));
          expect(slowStartFactor(a, o)).toBeGreaterThanOrEqual(minWeightPercent / 100);
          expect(slowStartFactor(b, o)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('rejects a window, aggression or floor that makes no sense', () => {
    expect(() => checkSlowStart({ windowMs: 0 })).toThrow(RangeError);
    expect(() => checkSlowStart({ windowMs: 10, aggression: 0 })).toThrow(RangeError);
    expect(() => checkSlowStart({ windowMs: 10, minWeightPercent: 0 })).toThrow(RangeError);
  });
});
