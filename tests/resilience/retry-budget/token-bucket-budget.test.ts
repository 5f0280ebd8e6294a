import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenBucketBudget } from '../../../src/resilience/retry-budget/token-bucket-budget.ts';

describe('tokenBucketBudget (gRPC retry throttling)', () => {
  it('follows gRPC’s own worked example: max 4, ratio 1.6, threshold 2', () => {
    const b = tokenBucketBudget({ maxTokens: 4, tokenRatio: 1.6 });
    const fail = () => (b.onAttemptEnd(0, false, false), [b.tokens, b.tryAcquireRetry(0, 'error')]);
    const succeed = () => (b.onAttemptEnd(0, true, false), [b.tokens, b.tryAcquireRetry(0, 'error')]);
    expect(b.tokens).toBe(4);
    expect(fail()).toEqual([3, true]);
    expect(succeed()).toEqual([4, true]); // 3 + 1.6 capped at 4
    expect(fail()).toEqual([3, true]);
    expect(fail()).toEqual([2, false]); // at the threshold: no retries
    expect(succeed()).toEqual([3.6, true]);
    expect(fail()).toEqual([2.6, true]);
    expect(fail()).toEqual([1.6, false]);
    expect(fail()).toEqual([0.6, false]);
    expect(fail()).toEqual([0, false]); // never below 0
    expect(succeed()).toEqual([1.6, false]);
    expect(succeed()).toEqual([3.2, true]);
  });

  it('adds tenths exactly: max 10, ratio 0.1, ten successes from 4 give exactly 5, still not enough', () => {
    const b = tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 });
    const expected = [9, 8, 7, 6, 5, 4];
    const allowed = [true, true, true, true, false, false];
    for (let i = 0; i < 6; i++) {
      b.onAttemptEnd(0, false, i > 0);
      expect([b.tokens, b.tryAcquireRetry(0, 'error')]).toEqual([expected[i], allowed[i]]);
    }
    for (let i = 1; i <= 10; i++) b.onAttemptEnd(0, true, false);
    // Adding 0.1 ten times to 4 in binary floating point gives 4.9999999999999964; in thousandths it is 5.
    expect(b.tokens).toBe(5);
    expect(b.tryAcquireRetry(0, 'error')).toBe(false);
    b.onAttemptEnd(0, true, false);
    expect(b.tokens).toBe(5.1);
    expect(b.tryAcquireRetry(0, 'error')).toBe(true);
    expect(b.snapshot()).toEqual({ tokens: 5.1 });
  });

  it('keeps tokens in [0, maxTokens] and allows a retry exactly when tokens > maxTokens/2, for any outcome sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 5000 }).map((m) => m / 1000),
        fc.array(fc.boolean(), { maxLength: 300 }),
        (maxTokens, tokenRatio, outcomes) => {
          const b = tokenBucketBudget({ maxTokens, tokenRatio });
          for (const ok of outcomes) {
            b.onAttemptEnd(0, ok, false);
            expect(b.tokens).toBeGreaterThanOrEqual(0);
            expect(b.tokens).toBeLessThanOrEqual(maxTokens);
            expect(b.tryAcquireRetry(0, 'error')).toBe(b.tokens > maxTokens / 2);
          }
        },
      ),
    );
  });

  it('rejects non-positive sizes and ratios', () => {
    expect(() => tokenBucketBudget({ maxTokens: 0, tokenRatio: 0.1 })).toThrow(RangeError);
    expect(() => tokenBucketBudget({ maxTokens: 10, tokenRatio: -1 })).toThrow(RangeError);
  });
});
