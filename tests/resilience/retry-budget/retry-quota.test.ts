import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryQuota } from '../../../src/resilience/retry-budget/retry-quota.ts';

describe('retryQuota (AWS SDK standard mode)', () => {
  it('charges 5 per retry and 10 after a timeout, refunds the last retry’s cost on success, adds 1 for a first-try success, up to 500', () => {
    const q = retryQuota();
    expect(q.capacity).toBe(500);
    // Request A: fails, retries (5), times out, retries (10), succeeds: refund of the last retry, 10.
    q.onRequest(0);
    q.onAttemptEnd(0, false, false);
    expect(q.tryAcquireRetry(0, 'error')).toBe(true);
    expect(q.capacity).toBe(495);
    q.onAttemptEnd(0, false, true, 'error');
    expect(q.capacity).toBe(495); // failures cost nothing by themselves
    expect(q.tryAcquireRetry(0, 'timeout')).toBe(true);
    expect(q.capacity).toBe(485);
    q.onAttemptEnd(0, true, true, 'timeout');
    expect(q.capacity).toBe(495);
    // Request B: succeeds at once: +1.
    q.onAttemptEnd(0, true, false);
    expect(q.capacity).toBe(496);
    // Four more first-try successes reach 500; a fifth cannot go above it.
    for (let i = 0; i < 5; i++) q.onAttemptEnd(0, true, false);
    expect(q.capacity).toBe(500);
    // A retry refunded at full capacity stays at 500 too.
    expect(q.tryAcquireRetry(0, 'error')).toBe(true);
    q.onAttemptEnd(0, true, true, 'error');
    expect(q.capacity).toBe(500);
  });

  it('refuses a retry whose cost exceeds what is left: 100 error retries empty 500', () => {
    const q = retryQuota();
    for (let i = 0; i < 99; i++) expect(q.tryAcquireRetry(0, 'error')).toBe(true);
    expect(q.capacity).toBe(5);
    expect(q.tryAcquireRetry(0, 'timeout')).toBe(false); // 10 > 5
    expect(q.capacity).toBe(5);
    expect(q.tryAcquireRetry(0, 'error')).toBe(true);
    expect(q.capacity).toBe(0);
    expect(q.tryAcquireRetry(0, 'error')).toBe(false);
    expect(q.snapshot()).toEqual({ capacity: 0 });
  });

  it('uses the given costs', () => {
    const q = retryQuota({ initial: 20, retryCost: 3, timeoutCost: 7, noRetryIncrement: 2 });
    expect(q.tryAcquireRetry(0, 'timeout')).toBe(true);
    expect(q.tryAcquireRetry(0, 'error')).toBe(true);
    expect(q.capacity).toBe(10);
    q.onAttemptEnd(0, true, false);
    expect(q.capacity).toBe(12);
    q.onAttemptEnd(0, true, true, 'timeout');
    expect(q.capacity).toBe(19);
  });

  it('keeps capacity in [0, initial] for any sequence of acquisitions and outcomes', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('acquire' as const), cause: fc.constantFrom('error' as const, 'timeout' as const) }),
      fc.record({ kind: fc.constant('end' as const), ok: fc.boolean(), isRetry: fc.boolean(), cause: fc.constantFrom('error' as const, 'timeout' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.array(step, { maxLength: 400 }), (initial, steps) => {
        const q = retryQuota({ initial });
        for (const s of steps) {
          if (s.kind === 'acquire') q.tryAcquireRetry(0, s.cause);
          else q.onAttemptEnd(0, s.ok, s.isRetry, s.cause);
          expect(q.capacity).toBeGreaterThanOrEqual(0);
          expect(q.capacity).toBeLessThanOrEqual(initial);
        }
      }),
    );
  });
});
