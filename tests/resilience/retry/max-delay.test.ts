import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantBackoff, exponentialBackoff, linearBackoff } from '../../../src/resilience/backoff/index.ts';
import { retry } from '../../../src/resilience/retry/retry-policy.ts';
import { RetryCore, type AttemptOutcome } from '../../../src/resilience/retry/retry-core.ts';
import { retryDefaults } from '../../../src/resilience/retry/retry-options.ts';
import { settle, VirtualClock } from '../virtual-clock.ts';

const random = () => 0.5;
const hourHint: AttemptOutcome = { ok: false, retryAfterMs: 3_600_000 };

describe('retry maxDelayMs (Polly MaxDelay): caps the backoff and Retry-After hints alike', () => {
  it('a one-hour Retry-After hint waits at most maxDelayMs', () => {
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(100), maxDelayMs: 5000 });
    expect(core.decide(core.begin(0), hourHint, 0, random)).toEqual({ retry: true, delayMs: 5000, attempt: 2 });
  });

  it('with no maxDelayMs set, a one-hour hint waits the default maximum, not an hour', () => {
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(100) });
    expect(retryDefaults.maxDelayMs).toBe(60_000);
    expect(core.decide(core.begin(0), hourHint, 0, random)).toMatchObject({ retry: true, delayMs: retryDefaults.maxDelayMs });
  });

  it('caps a backoff delay above maxDelayMs', () => {
    const core = new RetryCore({ maxAttempts: 10, backoff: linearBackoff({ initialMs: 1000, stepMs: 1000, capMs: 60_000 }), maxDelayMs: 2500 });
    const state = core.begin(0);
    const delays = [1, 2, 3, 4].map(() => {
      const d = core.decide(state, { ok: false }, 0, random);
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 2500, 2500]);
  });

  it('the executor sleeps at most maxDelayMs on a long hint', async () => {
    const clock = new VirtualClock();
    const policy = retry({ maxAttempts: 2, backoff: constantBackoff(10), maxDelayMs: 2000, clock, random });
    let calls = 0;
    const pending = policy.execute(async () => {
      if (++calls === 1) throw Object.assign(new Error('503'), { retryAfterMs: 3_600_000 });
      return 'ok';
    });
    await settle();
    await clock.advance(2000);
    await expect(pending).resolves.toBe('ok');
    expect(clock.sleeps).toEqual([2000]);
  });

  it('no decision ever waits longer than maxDelayMs, whatever the backoff and hints (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }), { minLength: 1, maxLength: 20 }),
        (maxDelayMs, hints) => {
          const core = new RetryCore({ maxAttempts: Infinity, backoff: exponentialBackoff({ baseMs: 100, capMs: 1e9, jitter: 'none' }), maxDelayMs });
          const state = core.begin(0);
          for (const retryAfterMs of hints) {
            const d = core.decide(state, { ok: false, retryAfterMs }, 0, random);
            expect(d.retry).toBe(true);
            if (d.retry) expect(d.delayMs).toBeLessThanOrEqual(maxDelayMs);
          }
        },
      ),
    );
  });

  it('refuses a negative, NaN or infinite maxDelayMs with a message naming it', () => {
    for (const bad of [-1, NaN, Infinity]) {
      expect(() => new RetryCore({ maxAttempts: 2, backoff: constantBackoff(1), maxDelayMs: bad })).toThrow(/maxDelayMs must be/);
    }
  });
});
