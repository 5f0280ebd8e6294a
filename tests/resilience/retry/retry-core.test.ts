import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { brookerBackoff, constantBackoff, jitterStrategies, type BackoffContext } from '../../../src/resilience/backoff/index.ts';
import { attemptSucceeded, RetryCore, type AttemptOutcome } from '../../../src/resilience/retry/retry-core.ts';
import type { RetryBudget } from '../../../src/resilience/retry-budget/retry-budget.ts';
import { tokenBucketBudget } from '../../../src/resilience/retry-budget/token-bucket-budget.ts';

const random = () => 0.5;
const fail: AttemptOutcome = { ok: false, error: new Error('boom') };

describe('RetryCore', () => {
  it('retries up to maxAttempts with the backoff delay, numbering attempts from 1', () => {
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(100) });
    const state = core.begin(0);
    expect(core.decide(state, fail, 10, random)).toEqual({ retry: true, delayMs: 100, attempt: 2 });
    expect(core.decide(state, fail, 120, random)).toEqual({ retry: true, delayMs: 100, attempt: 3 });
    expect(core.decide(state, fail, 230, random)).toEqual({ retry: false, reason: 'max-attempts' });
    expect(state.attempt).toBe(3);
  });

  it('says succeeded with one shared object, allocating nothing on the success path', () => {
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(1) });
    const a = core.decide(core.begin(0), attemptSucceeded, 1, random);
    const b = core.decide(core.begin(0), { ok: true }, 1, random);
    expect(a).toEqual({ retry: false, reason: 'succeeded' });
    expect(a).toBe(b);
  });

  it('maxAttempts 1 never retries', () => {
    const core = new RetryCore({ maxAttempts: 1, backoff: constantBackoff(1) });
    expect(core.decide(core.begin(0), fail, 1, random)).toEqual({ retry: false, reason: 'max-attempts' });
  });

  it('stops at once on a failure the predicate calls not retryable', () => {
    const core = new RetryCore({
      maxAttempts: 5,
      backoff: constantBackoff(1),
      retryable: (f) => !(f.error instanceof TypeError),
    });
    const state = core.begin(0);
    expect(core.decide(state, { ok: false, error: new TypeError('bad input') }, 1, random)).toEqual({ retry: false, reason: 'not-retryable' });
    expect(core.decide(core.begin(0), fail, 1, random).retry).toBe(true);
  });

  it('charges the budget only for failures it would retry (gRFC A6): a burst of non-retryable errors leaves the tokens alone', () => {
    const budget = tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 });
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(1), budget, retryable: (f) => !(f.error instanceof TypeError) });
    for (let i = 0; i < 20; i++) core.decide(core.begin(i), { ok: false, error: new TypeError('400') }, i, random);
    expect(budget.tokens).toBe(10);
    core.decide(core.begin(100), fail, 100, random);
    expect(budget.tokens).toBe(9);
  });

  it('waits at least the Retry-After hint, and the backoff when it is longer', () => {
    const core = new RetryCore({ maxAttempts: 5, backoff: constantBackoff(100) });
    const state = core.begin(0);
    expect(core.decide(state, { ok: false, retryAfterMs: 2500 }, 0, random)).toMatchObject({ retry: true, delayMs: 2500 });
    expect(core.decide(state, { ok: false, retryAfterMs: 30 }, 2600, random)).toMatchObject({ retry: true, delayMs: 100 });
  });

  it('gives up when the Retry-After hint reaches past the deadline', () => {
    const core = new RetryCore({ maxAttempts: 5, backoff: constantBackoff(100), deadlineMs: 1000 });
    const state = core.begin(0);
    expect(core.decide(state, { ok: false, retryAfterMs: 950 }, 100, random)).toEqual({ retry: false, reason: 'deadline' });
  });

  it('gives up when the wait would end at or past the deadline, counted from begin', () => {
    const core = new RetryCore({ maxAttempts: 10, backoff: constantBackoff(100), deadlineMs: 1000 });
    const state = core.begin(5000);
    expect(core.decide(state, fail, 5899, random).retry).toBe(true); // next attempt at 5999 < 6000
    expect(core.decide(state, fail, 5900, random)).toEqual({ retry: false, reason: 'deadline' }); // would start at 6000
  });

  it('hands the backoff the retry number and its own previous delay, not the Retry-After hint', () => {
    const seen: BackoffContext[] = [];
    const core = new RetryCore({
      maxAttempts: 4,
      backoff: (ctx) => {
        seen.push({ ...ctx });
        return 10 * ctx.retry;
      },
    });
    const state = core.begin(0);
    core.decide(state, fail, 0, random);
    core.decide(state, { ok: false, retryAfterMs: 999 }, 100, random);
    core.decide(state, fail, 2000, random);
    expect(seen.map(({ retry, previousDelay }) => ({ retry, previousDelay }))).toEqual([
      { retry: 1, previousDelay: undefined },
      { retry: 2, previousDelay: 10 },
      { retry: 3, previousDelay: 20 },
    ]);
  });

  it('calls the budget in order and asks it only for retries that would otherwise happen', () => {
    const calls: string[] = [];
    let allow = true;
    const budget: RetryBudget = {
      onRequest: (now) => void calls.push(`request@${now}`),
      tryAcquireRetry: (now, cause) => (calls.push(`acquire@${now}:${cause}`), allow),
      onAttemptEnd: (now, ok, isRetry, cause) => void calls.push(`end@${now}:${ok}:${isRetry}:${cause}`),
      snapshot: () => ({}),
    };
    const core = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(10), budget });
    const state = core.begin(0);
    expect(core.decide(state, { ok: false, timedOut: true }, 5, random).retry).toBe(true);
    expect(core.decide(state, fail, 20, random).retry).toBe(true);
    expect(core.decide(state, fail, 40, random)).toEqual({ retry: false, reason: 'max-attempts' });
    const second = core.begin(100);
    allow = false;
    expect(core.decide(second, fail, 105, random)).toEqual({ retry: false, reason: 'budget' });
    expect(calls).toEqual([
      'request@0',
      'end@5:false:false:undefined',
      'acquire@5:timeout',
      'end@20:false:true:timeout',
      'acquire@20:error',
      'end@40:false:true:error',
      'request@100',
      'end@105:false:false:undefined',
      'acquire@105:error',
    ]);
  });

  it('rejects a maxAttempts below 1 or fractional, and a non-positive deadline', () => {
    expect(() => new RetryCore({ maxAttempts: 0, backoff: constantBackoff(1) })).toThrow(RangeError);
    expect(() => new RetryCore({ maxAttempts: 2.5, backoff: constantBackoff(1) })).toThrow(RangeError);
    expect(() => new RetryCore({ maxAttempts: 2, backoff: constantBackoff(1), deadlineMs: 0 })).toThrow(RangeError);
    expect(() => new RetryCore({ maxAttempts: Infinity, backoff: constantBackoff(1), deadlineMs: 10 })).not.toThrow();
  });
});

describe('RetryCore on virtual time (properties)', () => {
  const failure = fc.record({
    durationMs: fc.double({ min: 0, max: 500, noNaN: true }),
    retryAfterMs: fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: undefined }),
    succeeds: fc.boolean(),
  });

  it('never makes more than maxAttempts attempts, starts every attempt before the deadline, and waits at least each Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.constant(Infinity), fc.double({ min: 1, max: 20_000, noNaN: true })),
        fc.constantFrom(...jitterStrategies),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(failure, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (maxAttempts, deadlineMs, strategy, seed, script, start) => {
          const core = new RetryCore({ maxAttempts, deadlineMs, backoff: brookerBackoff(strategy, { baseMs: 5, capMs: 2000 }) });
          const rng = randomLcg(seed);
          let now = start;
          const state = core.begin(now);
          let attempts = 0;
          for (let i = 0; ; i++) {
            attempts++;
            expect(attempts).toBeLessThanOrEqual(maxAttempts);
            if (attempts > 1) expect(now).toBeLessThan(start + deadlineMs);
            expect(state.attempt).toBe(attempts);
            const step = script[i % script.length];
            now += step.durationMs;
            const outcome: AttemptOutcome = step.succeeds ? attemptSucceeded : { ok: false, retryAfterMs: step.retryAfterMs };
            const decision = core.decide(state, outcome, now, rng);
            if (!decision.retry) {
              if (step.succeeds) expect(decision.reason).toBe('succeeded');
              else expect(['max-attempts', 'deadline']).toContain(decision.reason);
              break;
            }
            expect(decision.attempt).toBe(attempts + 1);
            expect(decision.delayMs).toBeGreaterThanOrEqual(step.retryAfterMs ?? 0);
            now += decision.delayMs;
          }
        },
      ),
    );
  });
});
