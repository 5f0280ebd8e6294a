import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResilienceError } from '../../../src/resilience/errors.ts';
import { RateLimitedError } from '../../../src/resilience/rate-limiter/rate-limited-error.ts';
import { rateLimiter } from '../../../src/resilience/rate-limiter/rate-limiter-policy.ts';
import { TokenBucket } from '../../../src/resilience/rate-limiter/token-bucket.ts';
import { VirtualClock } from '../virtual-clock.ts';

describe('token bucket', () => {
  it('lets a full burst through, then one call per 1/rate, and says how long to wait', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3 });
    expect([0, 0, 0, 0].map((t) => bucket.tryTake(t).permitted)).toEqual([true, true, true, false]);
    expect(bucket.tryTake(50)).toEqual({ permitted: false, retryAfterMs: 50 });
    expect(bucket.tryTake(100).permitted).toBe(true);
    expect(bucket.tryTake(100).permitted).toBe(false);
  });

  it('never holds more than burst tokens, however long it idles', () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 2 });
    expect(bucket.available(1e9)).toBe(2);
  });

  it('starts with initialTokens', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 5, initialTokens: 0 });
    expect(bucket.tryTake(0)).toEqual({ permitted: false, retryAfterMs: 1000 });
  });

  it('reserve goes into debt within maxWaitMs, serving later callers after earlier ones', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1 });
    expect(bucket.reserve(0, 1, 250)).toBe(0);
    expect(bucket.reserve(0, 1, 250)).toBe(100);
    expect(bucket.reserve(0, 1, 250)).toBe(200);
    expect(bucket.reserve(0, 1, 250)).toBeUndefined();
    bucket.refund(0, 1);
    expect(bucket.reserve(0, 1, 250)).toBe(200);
  });

  it('refuses a cost above the burst, and bad options', () => {
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 2 }).tryTake(0, 3)).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 2 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0.5 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 2, initialTokens: 3 })).toThrow(RangeError);
  });

  it('waiting exactly the retryAfterMs a rejection gave is always enough', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10_000, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 50 }),
        (rate, burst, gaps) => {
          const bucket = new TokenBucket({ ratePerSecond: rate, burst });
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            const r = bucket.tryTake(now);
            if (!r.permitted) {
              now += r.retryAfterMs;
              expect(bucket.tryTake(now).permitted).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('never lets through more than burst + rate · elapsed calls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 200 }),
        (rate, burst, gaps) => {
          const bucket = new TokenBucket({ ratePerSecond: rate, burst });
          let now = 0;
          let passed = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.tryTake(now).permitted) passed++;
            // The 1e-9 token of slack the bucket allows, over at most 200 takes.
            expect(passed).toBeLessThanOrEqual(burst + (rate * now) / 1000 + 1e-6);
          }
        },
      ),
    );
  });

  it('a restored bucket carries on identically', () => {
    const a = new TokenBucket({ ratePerSecond: 5, burst: 3 });
    a.tryTake(0);
    a.tryTake(10);
    const b = new TokenBucket({ ratePerSecond: 5, burst: 3 });
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (const t of [20, 100, 150, 400, 401]) expect(b.tryTake(t)).toEqual(a.tryTake(t));
  });
});

describe('rate limiter executor', () => {
  it('rejects over the limit with RateLimitedError and retryAfterMs, without calling the operation', async () => {
    const clock = new VirtualClock();
    const policy = rateLimiter({ ratePerSecond: 2, burst: 1, clock });
    await expect(policy.execute(() => 'a')).resolves.toBe('a');
    let called = false;
    const error = (await policy
      .execute(() => {
        called = true;
      })
      .catch((e: unknown) => e)) as RateLimitedError;
    expect(called).toBe(false);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toBeInstanceOf(ResilienceError);
    expect(error.retryAfterMs).toBe(500);
    await clock.advance(500);
    await expect(policy.execute(() => 'b')).resolves.toBe('b');
  });

  it('with maxWaitMs, waits for its token in arrival order instead of failing, up to that wait', async () => {
    const clock = new VirtualClock();
    const policy = rateLimiter({ ratePerSecond: 10, burst: 1, maxWaitMs: 250, clock });
    const order: string[] = [];
    const calls = ['a', 'b', 'c'].map((name) => policy.execute(() => order.push(`${name}@${clock.now()}`)));
    const late = (await policy.execute(() => 'd').catch((e: unknown) => e)) as RateLimitedError;
    expect(late).toBeInstanceOf(RateLimitedError);
    expect(late.retryAfterMs).toBe(300);
    await clock.runAll();
    await Promise.all(calls);
    expect(order).toEqual(['a@0', 'b@100', 'c@200']);
  });

  it('a waiting caller that aborts rejects with the reason and gives its token back', async () => {
    const clock = new VirtualClock();
    const policy = rateLimiter({ ratePerSecond: 10, burst: 1, maxWaitMs: 1000, clock });
    await policy.execute(() => 1);
    const controller = new AbortController();
    const waiting = policy.execute(() => 'never', controller.signal).catch((e: unknown) => e);
    expect(policy.bucket.available(0)).toBe(-1);
    controller.abort('gave up');
    expect(await waiting).toBe('gave up');
    expect(policy.bucket.available(0)).toBe(0);
  });
});
