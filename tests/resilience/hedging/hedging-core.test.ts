import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HedgingCore, HedgingState, fixedHedgingDelay, type HedgeAttemptOutcome } from '../../../src/resilience/hedging/index.ts';
import { ratioBudget, tokenBucketBudget, type RetryBudget } from '../../../src/resilience/retry-budget/index.ts';

const core = (maxAttempts: number, delayMs = 100, budget?: ReturnType<typeof tokenBucketBudget>) =>
  new HedgingCore({ maxAttempts, delay: fixedHedgingDelay(delayMs), budget });

describe('HedgingCore (gRFC A6 semantics)', () => {
  it('sends the first attempt at once and a hedge every delay without an answer, up to maxAttempts', () => {
    const c = core(3);
    const s = c.begin(new HedgingState(), 0);
    expect(s.started).toBe(1);
    expect(s.nextHedgeAt).toBe(100);
    expect(c.hedgeDue(s, 100).kind).toBe('hedge');
    expect(s.nextHedgeAt).toBe(200);
    expect(c.hedgeDue(s, 200).kind).toBe('hedge');
    expect(s.started).toBe(3);
    expect(s.nextHedgeAt).toBe(Infinity);
    expect(c.hedgeDue(s, 300).kind).toBe('wait');
  });

  it('the first success wins and ends the call; later answers are ignored', () => {
    const c = core(2);
    const s = c.begin(new HedgingState(), 0);
    c.hedgeDue(s, 100);
    expect(c.attemptEnded(s, 2, 'success', 110, 10).kind).toBe('succeeded');
    expect(s.done).toBe(true);
    expect(c.attemptEnded(s, 1, 'success', 500, 500).kind).toBe('wait');
  });

  it('a non-fatal failure sends the next hedge at once, and the delay resumes from there', () => {
    const c = core(3);
    const s = c.begin(new HedgingState(), 0);
    expect(c.attemptEnded(s, 1, 'non-fatal', 30, 30).kind).toBe('hedge');
    expect(s.started).toBe(2);
    expect(s.nextHedgeAt).toBe(130);
  });

  it('a fatal failure ends the call at once', () => {
    const c = core(3);
    const s = c.begin(new HedgingState(), 0);
    c.hedgeDue(s, 100);
    expect(c.attemptEnded(s, 2, 'fatal', 120, 20)).toEqual({ kind: 'failed', reason: 'fatal' });
  });

  it('fails with the last failure once every attempt failed: no retries after hedging', () => {
    const c = core(2);
    const s = c.begin(new HedgingState(), 0);
    expect(c.attemptEnded(s, 1, 'non-fatal', 10, 10).kind).toBe('hedge');
    expect(c.attemptEnded(s, 2, 'non-fatal', 20, 10)).toEqual({ kind: 'failed', reason: 'exhausted' });
  });

  it('pushback: a negative value stops hedging, a positive one sets the next hedge time', () => {
    const c = core(3);
    const s = c.begin(new HedgingState(), 0);
    expect(c.attemptEnded(s, 1, 'non-fatal', 10, 10, 250).kind).toBe('wait');
    expect(s.nextHedgeAt).toBe(260);
    expect(c.hedgeDue(s, 260).kind).toBe('hedge');
    expect(c.attemptEnded(s, 2, 'non-fatal', 270, 10, -1)).toEqual({ kind: 'failed', reason: 'pushback' });
  });

  it('hedges draw from the retry throttle: refused with nothing in flight, the call fails', () => {
    const budget = tokenBucketBudget({ maxTokens: 2, tokenRatio: 0.1 });
    const c = core(3, 100, budget);
    const s = c.begin(new HedgingState(), 0);
    // One failure takes a token: 1 of 2 left is not more than half, so no hedge.
    expect(c.attemptEnded(s, 1, 'non-fatal', 10, 10)).toEqual({ kind: 'failed', reason: 'budget' });
    expect(s.throttled).toBe(true);
  });

  it('a refused timed hedge leaves the outstanding attempt to finish alone: no further hedge for that call (grpc-java freezes hedging)', () => {
    const c = new HedgingCore({ maxAttempts: 3, delay: fixedHedgingDelay(100), budget: ratioBudget({ ratio: 0, windowMs: 1000 }) });
    const s = c.begin(new HedgingState(), 0);
    expect(c.hedgeDue(s, 100).kind).toBe('wait');
    expect(s.throttled).toBe(true);
    expect(s.nextHedgeAt).toBe(Infinity);
    expect(c.attemptEnded(s, 1, 'success', 150, 150).kind).toBe('succeeded');
  });

  it('a non-fatal failure that finds the throttle at its threshold stops new hedges but not the attempts already out (A6; grpc-java would end the call here)', () => {
    const budget = tokenBucketBudget({ maxTokens: 4, tokenRatio: 0.1 });
    const c = core(3, 100, budget);
    const s = c.begin(new HedgingState(), 0);
    expect(c.hedgeDue(s, 100).kind).toBe('hedge'); // 4 tokens: above half
    budget.onAttemptEnd(150, false, false); // another call's failure: 3 left
    // Attempt 2 fails non-fatally: 2 of 4 left is not above half, so no third attempt; attempt 1 is still out.
    expect(c.attemptEnded(s, 2, 'non-fatal', 160, 60).kind).toBe('wait');
    expect(s.throttled).toBe(true);
    expect(c.attemptEnded(s, 1, 'success', 300, 300).kind).toBe('succeeded');
  });

  it('asks the budget once per call at most after a refusal: a later non-fatal failure ends the call as refused, without asking again', () => {
    const budget = ratioBudget({ ratio: 0, windowMs: 1000 });
    let asked = 0;
    const counting: RetryBudget = {
      onRequest: (now) => budget.onRequest(now),
      onAttemptEnd: (now, ok, isRetry) => budget.onAttemptEnd(now, ok, isRetry),
      snapshot: () => budget.snapshot(),
      tryAcquireRetry: (now, cause) => {
        asked++;
        return budget.tryAcquireRetry(now, cause);
      },
    };
    const c = new HedgingCore({ maxAttempts: 5, delay: fixedHedgingDelay(10), budget: counting });
    const s = c.begin(new HedgingState(), 0);
    expect(c.hedgeDue(s, 10).kind).toBe('wait');
    expect(c.attemptEnded(s, 1, 'non-fatal', 1000, 1000)).toEqual({ kind: 'failed', reason: 'budget' });
    expect(asked).toBe(1);
    expect(s.throttled).toBe(true);
  });

  it('reports successes and non-fatal failures to the budget, never fatal ones (A6)', () => {
    const budget = tokenBucketBudget({ maxTokens: 10, tokenRatio: 1 });
    const c = core(2, 100, budget);
    const a = c.begin(new HedgingState(), 0);
    c.attemptEnded(a, 1, 'fatal', 1, 1);
    expect(budget.tokens).toBe(10);
    const b = c.begin(new HedgingState(), 0);
    c.attemptEnded(b, 1, 'non-fatal', 1, 1);
    expect(budget.tokens).toBe(9);
  });

  it('rejects a maxAttempts that is not a whole number >= 1', () => {
    expect(() => core(0)).toThrow(RangeError);
    expect(() => core(1.5)).toThrow(RangeError);
  });
});

describe('HedgingCore properties', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('timer' as const), gap: fc.integer({ min: 0, max: 300 }) }),
    fc.record({
      kind: fc.constant('end' as const),
      gap: fc.integer({ min: 0, max: 300 }),
      pick: fc.nat(),
      outcome: fc.constantFrom<HedgeAttemptOutcome>('success', 'non-fatal', 'fatal'),
      pushback: fc.option(fc.integer({ min: -1, max: 300 }), { nil: undefined }),
    }),
  );

  it('never starts more than maxAttempts, ends each call once, and never ends an attempt it did not start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(step, { maxLength: 30 }), (maxAttempts, steps) => {
        const c = core(maxAttempts, 100);
        const s = c.begin(new HedgingState(), 0);
        const running = new Set([1]);
        let now = 0;
        let endings = 0;
        for (const st of steps) {
          now += st.gap;
          let d;
          if (st.kind === 'timer') {
            if (now < s.nextHedgeAt) continue;
            d = c.hedgeDue(s, now);
          } else {
            const open = [...running];
            if (open.length === 0) continue;
            const attempt = open[st.pick % open.length];
            running.delete(attempt);
            d = c.attemptEnded(s, attempt, st.outcome, now, 1, st.pushback);
          }
          if (d.kind === 'hedge') running.add(s.started);
          if (d.kind === 'succeeded' || d.kind === 'failed') endings++;
          expect(s.started).toBeLessThanOrEqual(maxAttempts);
          expect(s.outstanding).toBe(s.done ? s.outstanding : running.size);
          if (!s.done) expect(running.size > 0 || s.nextHedgeAt < Infinity).toBe(true);
        }
        expect(endings).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });
});
