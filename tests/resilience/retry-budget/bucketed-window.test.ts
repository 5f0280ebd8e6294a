import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketedWindow } from '../../../src/resilience/retry-budget/bucketed-window.ts';

describe('BucketedWindow', () => {
  it('counts what was added in the current slice and the buckets − 1 before it, for any non-decreasing times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3000 }), amount: fc.integer({ min: 0, max: 5 }) }), { maxLength: 200 }),
        (buckets, windowMs, steps) => {
          const w = new BucketedWindow(windowMs, buckets);
          const added: { slice: number; amount: number }[] = [];
          let now = 0;
          for (const { gap, amount } of steps) {
            now += gap;
            w.add(now, amount);
            const slice = w.sliceOf(now);
            added.push({ slice, amount });
            const expected = added.filter((a) => a.slice > slice - buckets).reduce((s, a) => s + a.amount, 0);
            expect(w.total(now)).toBe(expected);
          }
        },
      ),
    );
  });

  it('forgets everything after a gap longer than the window', () => {
    const w = new BucketedWindow(1000, 10);
    w.add(0, 5);
    w.add(950, 2);
    expect(w.total(999)).toBe(7);
    expect(w.total(1000)).toBe(2); // slice 0 left the window
    expect(w.total(5000)).toBe(0);
    expect(w.peek()).toBe(0);
  });
});
