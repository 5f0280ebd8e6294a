import { describe, expect, it } from 'vitest';
import { constantBackoff, decorrelatedJitterBackoff, exponentialBackoff, linearBackoff, type Backoff } from '../../../src/resilience/backoff/index.ts';
import { RetryCore } from '../../../src/resilience/retry/retry-core.ts';

describe('infinite delays are refused when the backoff is built', () => {
  it('constantBackoff(Infinity)', () => {
    expect(() => constantBackoff(Infinity)).toThrow(/delayMs must be a finite number >= 0, got Infinity/);
  });

  it('an exponential or decorrelated backoff with capMs: Infinity (it would reach Infinity near retry 1,100)', () => {
    expect(() => exponentialBackoff({ baseMs: 100, capMs: Infinity, jitter: 'none' })).toThrow(/capMs must be a finite number/);
    expect(() => decorrelatedJitterBackoff({ baseMs: 100, capMs: Infinity })).toThrow(/capMs must be a finite number/);
    expect(() => linearBackoff({ initialMs: 1, stepMs: 1, capMs: Infinity })).toThrow(/capMs must be a finite number/);
    expect(() => exponentialBackoff({ baseMs: Infinity, capMs: 1000, jitter: 'none' })).toThrow(/baseMs must be a finite number/);
  });

  it('a finite exponential never returns Infinity, even at retry 1,100', () => {
    const b = exponentialBackoff({ baseMs: 100, capMs: 1e300, jitter: 'none' });
    expect(b({ retry: 1100, previousDelay: undefined, random: () => 0.5 })).toBe(1e300);
  });

  it('a hand-written backoff that returns a bad delay is named in a RangeError, not reported as a deadline', () => {
    const broken: Backoff = () => NaN;
    const core = new RetryCore({ maxAttempts: 3, backoff: broken });
    expect(() => core.decide(core.begin(0), { ok: false }, 0, () => 0.5)).toThrow(/backoff returned NaN/);
    const negative: Backoff = () => -5;
    const core2 = new RetryCore({ maxAttempts: 3, backoff: negative });
    expect(() => core2.decide(core2.begin(0), { ok: false }, 0, () => 0.5)).toThrow(/backoff returned -5/);
  });

  it('with no deadline set, a retry never gives up with reason deadline (a backoff returning Infinity is capped)', () => {
    const huge: Backoff = () => Infinity;
    const core = new RetryCore({ maxAttempts: 3, backoff: huge, maxDelayMs: 1000 });
    expect(core.decide(core.begin(0), { ok: false }, 0, () => 0.5)).toEqual({ retry: true, delayMs: 1000, attempt: 2 });
  });
});
