import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { constantBackoff, exponentialBackoff } from '../../../src/resilience/backoff/index.ts';
import { BudgetExhaustedError, ResilienceError, RetriesExhaustedError, TimeoutError } from '../../../src/resilience/errors.ts';
import type { ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { retry, type RetryOptions } from '../../../src/resilience/retry/retry-policy.ts';
import { retryQuota, tokenBucketBudget } from '../../../src/resilience/retry-budget/index.ts';
import { settle, VirtualClock } from '../virtual-clock.ts';

class Transient extends Error {}

/** An operation that fails `failures` times, then returns 'ok'; it records each context it saw. */
function flaky(failures: number, error: (n: number) => unknown = (n) => new Transient(`failure ${n}`)) {
  const contexts: ExecuteContext[] = [];
  const op = async (ctx: ExecuteContext) => {
    contexts.push(ctx);
    if (contexts.length <= failures) throw error(contexts.length);
    return 'ok';
  };
  return { op, contexts };
}

function virtualRetry(options: RetryOptions = {}) {
  const clock = new VirtualClock();
  const policy = retry({ backoff: constantBackoff(100), random: () => 0.5, clock, ...options });
  return { clock, policy };
}

describe('retry executor', () => {
  it('returns the first success without waiting', async () => {
    const { policy, clock } = virtualRetry();
    const { op, contexts } = flaky(0);
    await expect(policy.execute(op)).resolves.toBe('ok');
    expect(contexts.map((c) => c.attempt)).toEqual([1]);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries after the backoff delay and passes the attempt number to the operation', async () => {
    const { policy, clock } = virtualRetry({ maxAttempts: 4, backoff: exponentialBackoff({ baseMs: 10, capMs: 1000, jitter: 'none' }) });
    const { op, contexts } = flaky(2);
    const result = policy.execute(op);
    await clock.runAll();
    await expect(result).resolves.toBe('ok');
    expect(contexts.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([20, 40]);
  });

  it('gives up at max attempts with RetriesExhaustedError carrying attempts and the last error as lastError and cause', async () => {
    const { policy, clock } = virtualRetry({ maxAttempts: 3 });
    const { op } = flaky(10);
    const result = policy.execute(op);
    const caught = result.catch((e: unknown) => e);
    await clock.runAll();
    const error = await caught;
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error).toBeInstanceOf(ResilienceError);
    const exhausted = error as RetriesExhaustedError;
    expect(exhausted.attempts).toBe(3);
    expect(exhausted.reason).toBe('max-attempts');
    expect((exhausted.lastError as Error).message).toBe('failure 3');
    expect(exhausted.cause).toBe(exhausted.lastError);
  });

  it('rethrows a non-retryable error as it is, after one attempt', async () => {
    const { policy } = virtualRetry({ retryable: (e) => e instanceof Transient });
    const bad = new TypeError('bad request');
    const { op, contexts } = flaky(5, () => bad);
    await expect(policy.execute(op)).rejects.toBe(bad);
    expect(contexts).toHaveLength(1);
  });

  it('waits as long as the Retry-After hint an error carries', async () => {
    const { policy, clock } = virtualRetry();
    const { op } = flaky(1, () => Object.assign(new Transient('429'), { retryAfterMs: 1500 }));
    const result = policy.execute(op);
    await clock.runAll();
    await expect(result).resolves.toBe('ok');
    expect(clock.sleeps).toEqual([1500]);
  });

  it('stops with reason deadline when the next wait would end past the deadline', async () => {
    const { policy, clock } = virtualRetry({ maxAttempts: 10, deadlineMs: 250 });
    const { op, contexts } = flaky(10);
    const caught = policy.execute(op).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await caught) as RetriesExhaustedError;
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error.reason).toBe('deadline');
    expect(contexts).toHaveLength(3); // at 0, 100, 200; the next would start at 300
  });

  it('gives up with BudgetExhaustedError when the budget refuses', async () => {
    const budget = tokenBucketBudget({ maxTokens: 4, tokenRatio: 0.1 });
    const { policy, clock } = virtualRetry({ maxAttempts: 10, budget });
    const { op, contexts } = flaky(10);
    const caught = policy.execute(op).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await caught) as BudgetExhaustedError;
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    // Tokens 4 → 3 (retry) → 2 (at the threshold: refused).
    expect(error.attempts).toBe(2);
    expect(contexts).toHaveLength(2);
    expect(budget.tokens).toBe(2);
  });

  it('tells the budget about successes and charges the timeout cost after a TimeoutError', async () => {
    const budget = retryQuota();
    const { policy, clock } = virtualRetry({ budget });
    const { op } = flaky(1, () => new TimeoutError(50));
    const result = policy.execute(op);
    await clock.advance(50); // mid-wait: the retry's cost is taken
    expect(budget.capacity).toBe(490);
    await clock.runAll();
    await expect(result).resolves.toBe('ok');
    expect(budget.capacity).toBe(500); // refunded on success
    await policy.execute(flaky(0).op);
    expect(budget.capacity).toBe(500); // capped
  });

  it('rejects with the abort reason as soon as the signal aborts during a backoff wait, without another attempt', async () => {
    const { policy, clock } = virtualRetry({ backoff: constantBackoff(10_000) });
    const { op, contexts } = flaky(10);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const caught = policy.execute(op, controller.signal).catch((e: unknown) => e);
    await clock.advance(100);
    expect(clock.pendingSleeps).toBe(1);
    controller.abort(reason);
    await settle();
    expect(await caught).toBe(reason);
    expect(clock.now()).toBe(100); // no virtual time had to pass
    expect(clock.pendingSleeps).toBe(0);
    expect(contexts).toHaveLength(1);
  });

  it('aborts the running attempt through its signal and does not retry', async () => {
    const { policy, clock } = virtualRetry();
    const controller = new AbortController();
    let calls = 0;
    const op = ({ signal }: ExecuteContext) => {
      calls++;
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    const caught = policy.execute(op, controller.signal).catch((e: unknown) => e);
    await settle();
    controller.abort('stop');
    expect(await caught).toBe('stop');
    await clock.runAll();
    expect(calls).toBe(1);
  });

  it('does not start an attempt when the signal is already aborted', async () => {
    const { policy } = virtualRetry();
    const { op, contexts } = flaky(0);
    await expect(policy.execute(op, AbortSignal.abort('early'))).rejects.toBe('early');
    expect(contexts).toHaveLength(0);
  });

  it('fires attempt, retry scheduled and gave up events in order', async () => {
    const { policy, clock } = virtualRetry({ maxAttempts: 3 });
    const log: string[] = [];
    policy.onAttempt(({ attempt }) => log.push(`attempt ${attempt}`));
    policy.onRetry(({ attempt, delayMs, error }) => log.push(`retry ${attempt} in ${delayMs} after ${(error as Error).message}`));
    const sub = policy.onGiveUp(({ reason, attempts }) => log.push(`gave up (${reason}) after ${attempts}`));
    const caught = policy.execute(flaky(10).op).catch(() => undefined);
    await clock.runAll();
    await caught;
    expect(log).toEqual([
      'attempt 1',
      'retry 2 in 100 after failure 1',
      'attempt 2',
      'retry 3 in 100 after failure 2',
      'attempt 3',
      'gave up (max-attempts) after 3',
    ]);
    sub.dispose();
    log.length = 0;
    const again = policy.execute(flaky(10).op).catch(() => undefined);
    await clock.runAll();
    await again;
    expect(log.some((l) => l.startsWith('gave up'))).toBe(false);
  });

  it('reports an abort during the wait as a give-up with reason aborted', async () => {
    const { policy, clock } = virtualRetry();
    const reasons: string[] = [];
    policy.onGiveUp(({ reason, attempts }) => reasons.push(`${reason}/${attempts}`));
    const controller = new AbortController();
    const caught = policy.execute(flaky(10).op, controller.signal).catch(() => undefined);
    await clock.advance(10);
    controller.abort();
    await caught;
    expect(reasons).toEqual(['aborted/1']);
  });

  it('accepts operations that return plain values or throw synchronously', async () => {
    const { policy, clock } = virtualRetry();
    await expect(policy.execute(() => 7)).resolves.toBe(7);
    let n = 0;
    const result = policy.execute(() => {
      if (++n < 2) throw new Transient('sync');
      return 'second';
    });
    await clock.runAll();
    await expect(result).resolves.toBe('second');
  });

  it('never exceeds maxAttempts nor starts an attempt past the deadline, on a virtual clock (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 8 }),
        async (maxAttempts, deadlineMs, durations, seed, failures) => {
          const clock = new VirtualClock();
          const policy = retry({
            maxAttempts,
            deadlineMs,
            clock,
            random: randomLcg(seed),
            backoff: exponentialBackoff({ baseMs: 10, capMs: 1000, jitter: 'full' }),
          });
          const starts: number[] = [];
          const op = async () => {
            starts.push(clock.now());
            await clock.sleep(durations[(starts.length - 1) % durations.length]);
            if (starts.length <= failures) throw new Transient('x');
            return 'ok';
          };
          const outcome = policy.execute(op).then(
            () => 'ok',
            (e: unknown) => e,
          );
          await clock.runAll();
          const result = await outcome;
          expect(starts.length).toBeLessThanOrEqual(maxAttempts);
          for (const t of starts.slice(1)) expect(t).toBeLessThan(deadlineMs);
          if (result !== 'ok') expect(result).toBeInstanceOf(RetriesExhaustedError);
          else expect(starts.length).toBe(failures + 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
