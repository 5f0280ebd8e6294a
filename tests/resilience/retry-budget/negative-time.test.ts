import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketedWindow } from '../../../src/resilience/retry-budget/bucketed-window.ts';
import { ratioBudget } from '../../../src/resilience/retry-budget/ratio-budget.ts';

describe('BucketedWindow before time zero (a monotonic clock may start anywhere)', () => {
  it('counts what was added at a negative time, and forgets it once the window has moved past', () => {
    const w = new BucketedWindow(1000, 10);
    w.add(-50);
    expect(w.total(-50)).toBe(1);
    expect(w.total(0)).toBe(1);
    // Read every 100 ms, so the window moves one slice at a time.
    for (let t = 100; t < 900; t += 100) expect(w.total(t)).toBe(1);
    for (let t = 900; t <= 5000; t += 100) expect(w.total(t)).toBe(0);
  });

  it('ratioBudget({ ratio: 1, windowMs: 1000 }) after onRequest(-50) grants one retry, not retries forever', () => {
    const budget = ratioBudget({ ratio: 1, windowMs: 1000 });
    budget.onRequest(-50);
    let granted = 0;
    for (let t = 0; t <= 10_000; t += 100) if (budget.tryAcquireRetry(t, 'error')) granted++;
    expect(granted).toBe(1);
  });

  it('the total is the sum of the last `buckets` slices, wherever on the time line (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 2000 }), amount: fc.integer({ min: 0, max: 5 }) }), { maxLength: 100 }),
        (buckets, windowMs, start, steps) => {
          const w = new BucketedWindow(windowMs, buckets);
          const added: { slice: number; amount: number }[] = [];
          let now = start;
          for (const { gap, amount } of steps) {
            now += gap;
            w.add(now, amount);
            added.push({ slice: w.sliceOf(now), amount });
            const current = w.sliceOf(now);
            const expected = added.filter((a) => a.slice > current - buckets).reduce((s, a) => s + a.amount, 0);
            expect(w.total(now)).toBe(expected);
          }
        },
      ),
    );
  });
});
