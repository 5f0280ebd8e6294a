import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioBudget } from '../../../src/resilience/retry-budget/ratio-budget.ts';

describe('ratioBudget (SRE book per-client retry budget)', () => {
  it('allows 10 retries for 100 requests at ratio 0.1, then refuses until the window moves on', () => {
    const b = ratioBudget({ ratio: 0.1, windowMs: 1000 });
    for (let i = 0; i < 100; i++) b.onRequest(i);
    for (let i = 0; i < 10; i++) expect(b.tryAcquireRetry(100, 'error')).toBe(true);
    expect(b.tryAcquireRetry(100, 'error')).toBe(false);
    expect(b.snapshot()).toEqual({ requests: 100, retries: 10 });
    // A second later the old requests and retries have left the window.
    for (let i = 0; i < 10; i++) b.onRequest(1200);
    expect(b.tryAcquireRetry(1200, 'error')).toBe(true);
    expect(b.tryAcquireRetry(1200, 'error')).toBe(false);
  });

  it('grants minRetriesPerWindow even without traffic', () => {
    const b = ratioBudget({ ratio: 0.1, windowMs: 1000, minRetriesPerWindow: 3 });
    expect([1, 2, 3, 4].map(() => b.tryAcquireRetry(0, 'error'))).toEqual([true, true, true, false]);
  });

  it('counts ratios like 0.29 × 100 as 29, not 28.999…', () => {
    const b = ratioBudget({ ratio: 0.29, windowMs: 1000 });
    for (let i = 0; i < 100; i++) b.onRequest(0);
    let granted = 0;
    while (b.tryAcquireRetry(0, 'error')) granted++;
    expect(granted).toBe(29);
  });

  it('never grants more retries in a window than ratio × requests in it + the minimum', () => {
    const event = fc.record({ gap: fc.integer({ min: 0, max: 400 }), isRetry: fc.boolean() });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 100, max: 3000 }),
        fc.array(event, { maxLength: 300 }),
        (ratio, minRetriesPerWindow, windowMs, events) => {
          const buckets = 10;
          const b = ratioBudget({ ratio, windowMs, minRetriesPerWindow, buckets });
          const sliceOf = (t: number) => Math.floor(t / (windowMs / buckets));
          const requests: number[] = [];
          const grants: number[] = [];
          let now = 0;
          for (const e of events) {
            now += e.gap;
            if (!e.isRetry) {
              b.onRequest(now);
              requests.push(now);
            } else if (b.tryAcquireRetry(now, 'error')) {
              grants.push(now);
              // Windows are whole slices: the current one and the buckets − 1 before it.
              const inWindow = (t: number) => sliceOf(t) > sliceOf(now) - buckets;
              const r = requests.filter(inWindow).length;
              const g = grants.filter(inWindow).length;
              expect(g).toBeLessThanOrEqual(ratio * r + minRetriesPerWindow + 1e-9);
            }
          }
        },
      ),
    );
  });
});
