import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/resilience/backoff/index.ts';
import { RetriesExhaustedError, TimeoutError } from '../../../src/resilience/errors.ts';
import { noopPolicy, pipeline, type ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { retry } from '../../../src/resilience/retry/retry-policy.ts';
import { timeout } from '../../../src/resilience/timeout/timeout-policy.ts';
import { VirtualClock } from '../virtual-clock.ts';

describe('pipeline', () => {
  it('retry(timeout): each attempt gets its own timeout and the retry’s attempt number', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(retry({ maxAttempts: 3, backoff: constantBackoff(10), clock, random: () => 0 }), timeout(100, { clock }));
    const seen: ExecuteContext[] = [];
    const result = policy.execute(async (ctx) => {
      seen.push(ctx);
      if (ctx.attempt < 3) await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
      return `attempt ${ctx.attempt}`;
    });
    await clock.runAll();
    await expect(result).resolves.toBe('attempt 3');
    expect(seen.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(seen.map((c) => c.signal.aborted)).toEqual([true, true, false]);
  });

  it('retry(timeout): exhausting the retries reports the last TimeoutError', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(retry({ maxAttempts: 2, backoff: constantBackoff(10), clock }), timeout(50, { clock, resolutionMs: 5 }));
    const caught = policy.execute(() => new Promise(() => {})).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await caught) as RetriesExhaustedError;
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error.lastError).toBeInstanceOf(TimeoutError);
    expect(error.attempts).toBe(2);
  });

  it('timeout(retry): the overall timeout cuts a retry’s backoff wait', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(timeout(500, { clock, resolutionMs: 10 }), retry({ maxAttempts: 5, backoff: constantBackoff(1000), clock }));
    let attempts = 0;
    const caught = policy
      .execute(async () => {
        attempts++;
        throw new Error('down');
      })
      .catch((e: unknown) => e);
    await clock.advance(510);
    expect(await caught).toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(1);
    expect(clock.pendingSleeps).toBe(0); // the retry's wait was cancelled, not left to run
  });

  it('passes the caller’s signal to the innermost operation', async () => {
    const controller = new AbortController();
    const policy = pipeline(noopPolicy, noopPolicy, noopPolicy);
    const ctx = await policy.execute(async (c) => c, controller.signal);
    expect(ctx.signal).toBe(controller.signal);
    expect(ctx.attempt).toBe(1);
  });
});
