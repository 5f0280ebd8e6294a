import { describe, expect, it } from 'vitest';
import { tokenBucketBudget } from '../../../src/resilience/retry-budget/token-bucket-budget.ts';

describe('tokenBucketBudget keeps three decimals of tokenRatio (as gRPC): a ratio that rounds to zero is refused', () => {
  it('refuses 0.0004, which would never refill the bucket, naming the option and the smallest allowed value', () => {
    expect(() => tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.0004 })).toThrow(/tokenRatio must be .*0\.0005.*got 0\.0004/);
  });

  it('accepts 0.0005, which rounds to one thousandth, and refills with it', () => {
    const b = tokenBucketBudget({ maxTokens: 1, tokenRatio: 0.0005 });
    b.onAttemptEnd(0, false, false);
    b.onAttemptEnd(0, true, false);
    expect(b.tokens).toBe(0.001);
  });
});
