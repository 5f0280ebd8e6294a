import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { adaptiveThrottle } from '../../../src/resilience/retry-budget/adaptive-throttle.ts';

describe('adaptiveThrottle (SRE book client-side throttling)', () => {
  it('rejects with probability max(0, (requests − k·accepts)/(requests + 1))', () => {
    const t = adaptiveThrottle({ k: 2, windowMs: 120_000, minRequests: 0 });
    const never = () => 0.999_999;
    expect(t.rejectionProbability(0)).toBe(0);
    for (let i = 0; i < 10; i++) t.shouldReject(i, never);
    t.record(10, true);
    t.record(10, true);
    t.record(10, false);
    expect(t.rejectionProbability(20)).toBeCloseTo((10 - 2 * 2) / 11, 12);
    expect(t.snapshot()).toEqual({ requests: 10, accepts: 2 });
  });

  it('does not reject while the backend accepts at least one in k requests', () => {
    const t = adaptiveThrottle({ k: 2 });
    const always = () => 0;
    for (let i = 0; i < 100; i++) {
      expect(t.shouldReject(i, always)).toBe(false);
      if (i % 2 === 0) t.record(i, true);
    }
    expect(t.rejectionProbability(100)).toBe(0);
  });

  it('rejects exactly when the random draw falls below the probability', () => {
    const t = adaptiveThrottle({ k: 1, minRequests: 0 });
    for (let i = 0; i < 9; i++) t.shouldReject(0, () => 0.999_999);
    const p = t.rejectionProbability(0); // 9/10
    expect(p).toBeCloseTo(0.9, 12);
    expect(t.shouldReject(0, () => p - 1e-9)).toBe(true);
    expect(t.shouldReject(0, () => 0.95)).toBe(false); // now 10 requests, p = 10/11 ≈ 0.909
  });

  it('forgets requests and accepts older than the window', () => {
    const t = adaptiveThrottle({ k: 2, windowMs: 1000, buckets: 10 });
    for (let i = 0; i < 50; i++) t.shouldReject(0, () => 0.999_999);
    expect(t.rejectionProbability(0)).toBeGreaterThan(0.9);
    expect(t.rejectionProbability(1000)).toBe(0);
  });

  it('the probability stays in [0, 1) and matches the formula for any request/accept history', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.array(fc.record({ accepted: fc.boolean() }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (k, history, seed) => {
          const t = adaptiveThrottle({ k, minRequests: 0 });
          const random = randomLcg(seed);
          let requests = 0;
          let accepts = 0;
          for (const { accepted } of history) {
            const p = t.rejectionProbability(0);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThan(1);
            expect(p).toBeCloseTo(Math.max(0, (requests - k * accepts) / (requests + 1)), 12);
            const rejected = t.shouldReject(0, random);
            requests++;
            if (!rejected) {
              t.record(0, accepted);
              if (accepted) accepts++;
            }
          }
        },
      ),
    );
  });

  it('sheds the expected share of traffic on a fixed seed when the backend rejects everything', () => {
    // With accepts = 0 the probability after n requests is n/(n+1); over 2 000
    // requests the expected number of local rejections is Σ n/(n+1) ≈ 2000 − H(2000) ≈ 1991.8.
    // The draws are independent Bernoulli trials with variance Σ p(1 − p) ≤ H(2000) ≈ 8.2,
    // so the standard deviation is under 3; 5 standard deviations (15) bound it.
    const t = adaptiveThrottle({ k: 2, minRequests: 0 });
    const random = randomLcg(7);
    let rejected = 0;
    let expected = 0;
    for (let n = 0; n < 2000; n++) {
      expected += n / (n + 1);
      if (t.shouldReject(0, random)) rejected++;
      else t.record(0, false);
    }
    expect(Math.abs(rejected - expected)).toBeLessThan(15);
  });
});

describe('adaptiveThrottle cold start', () => {
  it('with the SRE formula alone, one failed first attempt makes the next request a coin flip', () => {
    const t = adaptiveThrottle({ k: 2, minRequests: 0 });
    t.shouldReject(0, () => 0.999_999);
    t.record(20, false);
    expect(t.rejectionProbability(100)).toBe(0.5);
  });

  it('rejects nothing while the window holds fewer than minRequests requests (20 by default), then applies the formula', () => {
    const t = adaptiveThrottle({ k: 2 });
    expect(t.minRequests).toBe(20);
    const always = () => 0;
    for (let i = 0; i < 20; i++) {
      expect(t.shouldReject(i, always)).toBe(false);
      t.record(i, false);
    }
    expect(t.rejectionProbability(20)).toBeCloseTo(20 / 21, 12);
  });

  it('padding replaces the + 1 of the denominator (gRPC RLS uses 8)', () => {
    const t = adaptiveThrottle({ k: 1.2, minRequests: 0, padding: 8 });
    for (let i = 0; i < 10; i++) t.shouldReject(0, () => 0.999_999);
    expect(t.rejectionProbability(0)).toBeCloseTo(10 / 18, 12);
  });

  it('refuses a negative minRequests and a padding that is not positive', () => {
    expect(() => adaptiveThrottle({ minRequests: -1 })).toThrow(/minRequests must be a finite number >= 0, got -1/);
    expect(() => adaptiveThrottle({ padding: 0 })).toThrow(/padding must be a finite number > 0, got 0/);
  });
});
