import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HedgeBudgetExhaustedError, HedgeLostError, HedgingPolicy, PercentileHedgingDelay } from '../../../src/resilience/hedging/index.ts';
import { ratioBudget } from '../../../src/resilience/retry-budget/index.ts';
import type { ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { VirtualClock } from '../virtual-clock.ts';

/** An operation whose attempt n answers after latencies[n-1] ms (ok or with an error), and listens to its signal. */
function scripted(clock: VirtualClock, plan: readonly { ms: number; ok: boolean }[]) {
  const signals: AbortSignal[] = [];
  const operation = (ctx: ExecuteContext) => {
    signals.push(ctx.signal);
    const n = signals.length;
    const { ms, ok } = plan[n - 1];
    return clock.sleep(ms, ctx.signal).then(() => {
      if (!ok) throw new Error(`attempt ${n} failed`);
      return n;
    });
  };
  return { operation, signals };
}

describe('HedgingPolicy', () => {
  it('a first attempt that answers before the delay is the only one', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 3, delayMs: 100, clock });
    const { operation, signals } = scripted(clock, [{ ms: 50, ok: true }]);
    const result = policy.execute(operation);
    await clock.runAll();
    expect(await result).toBe(1);
    expect(signals).toHaveLength(1);
    expect(policy.hedges).toBe(0);
  });

  it('hedges after the delay; the hedge wins and the first attempt is cancelled with HedgeLostError', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 2, delayMs: 100, clock });
    const events: unknown[] = [];
    policy.onHedge((e) => events.push(e));
    const { operation, signals } = scripted(clock, [
      { ms: 1000, ok: true },
      { ms: 10, ok: true },
    ]);
    const result = policy.execute(operation);
    await clock.advance(200);
    expect(await result).toBe(2);
    expect(signals[0].aborted).toBe(true);
    expect(signals[0].reason).toBeInstanceOf(HedgeLostError);
    expect(signals[1].aborted).toBe(false);
    expect(events).toEqual([{ attempt: 2, trigger: 'delay' }]);
    expect(policy.cancelled).toBe(1);
  });

  it('a non-fatal failure sends the next attempt at once; a fatal one ends the call', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 3, delayMs: 1000, clock });
    const { operation, signals } = scripted(clock, [
      { ms: 10, ok: false },
      { ms: 10, ok: true },
    ]);
    const result = policy.execute(operation);
    await clock.advance(25);
    expect(await result).toBe(2);
    expect(signals).toHaveLength(2);

    const fatal = new HedgingPolicy({ maxAttempts: 3, delayMs: 1000, clock, nonFatal: () => false });
    const second = scripted(clock, [{ ms: 10, ok: false }]);
    const failed = fatal.execute(second.operation).catch((e: unknown) => e);
    await clock.advance(20);
    expect(String(await failed)).toContain('attempt 1 failed');
    expect(second.signals).toHaveLength(1);
  });

  it('with a zero delay sends every attempt at once', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 3, delayMs: 0, clock });
    const { operation, signals } = scripted(clock, [
      { ms: 30, ok: true },
      { ms: 20, ok: true },
      { ms: 10, ok: true },
    ]);
    const result = policy.execute(operation);
    expect(signals).toHaveLength(3);
    await clock.runAll();
    expect(await result).toBe(3);
    expect(signals[0].aborted && signals[1].aborted).toBe(true);
  });

  it('a budget that allows nothing turns a needed hedge into HedgeBudgetExhaustedError', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 2, delayMs: 100, clock, budget: ratioBudget({ ratio: 0, windowMs: 1000 }) });
    const { operation } = scripted(clock, [{ ms: 10, ok: false }]);
    const failed = policy.execute(operation).catch((e: unknown) => e);
    await clock.runAll();
    expect(await failed).toBeInstanceOf(HedgeBudgetExhaustedError);
  });

  it("the caller's abort cancels every attempt and rejects with its reason", async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 3, delayMs: 10, clock });
    const { operation, signals } = scripted(clock, [
      { ms: 1000, ok: true },
      { ms: 1000, ok: true },
      { ms: 1000, ok: true },
    ]);
    const controller = new AbortController();
    const result = policy.execute(operation, controller.signal).catch((e: unknown) => e);
    await clock.advance(50);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await result).toBe(reason);
    expect(signals).toHaveLength(3);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('a learning delay hedges once it has seen enough latencies', async () => {
    const clock = new VirtualClock();
    const policy = new HedgingPolicy({ maxAttempts: 2, delay: new PercentileHedgingDelay({ percentile: 50, windowSize: 10, refreshEvery: 5 }), clock });
    for (let i = 0; i < 5; i++) {
      const { operation } = scripted(clock, [{ ms: 20, ok: true }]);
      const r = policy.execute(operation);
      await clock.runAll();
      await r;
    }
    expect(policy.core.delay.delayMs()).toBe(20);
    const { operation, signals } = scripted(clock, [
      { ms: 500, ok: true },
      { ms: 5, ok: true },
    ]);
    const r = policy.execute(operation);
    await clock.runAll();
    expect(await r).toBe(2);
    expect(signals).toHaveLength(2);
  });
});

describe('HedgingPolicy properties', () => {
  const plans = fc.array(fc.record({ ms: fc.integer({ min: 0, max: 400 }), ok: fc.boolean() }), { minLength: 5, maxLength: 5 });

  it('never starts more than maxAttempts, answers with the first success, and cancels every loser still running', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 200 }), plans, async (maxAttempts, delayMs, plan) => {
        const clock = new VirtualClock();
        const policy = new HedgingPolicy({ maxAttempts, delayMs, clock, resolutionMs: 1 });
        const ended: boolean[] = [];
        const signals: AbortSignal[] = [];
        const result = policy
          .execute((ctx) => {
            const n = signals.length + 1;
            signals.push(ctx.signal);
            ended.push(false);
            return clock.sleep(plan[n - 1].ms, ctx.signal).then(() => {
              ended[n - 1] = true;
              if (!plan[n - 1].ok) throw new Error(`attempt ${n}`);
              return n;
            });
          })
          .then(
            (n) => ({ ok: true as const, n }),
            () => ({ ok: false as const, n: 0 }),
          );
        await clock.runAll();
        const outcome = await result;
        expect(signals.length).toBeLessThanOrEqual(maxAttempts);
        expect(signals.length).toBeGreaterThanOrEqual(1);
        if (outcome.ok) {
          expect(plan[outcome.n - 1].ok).toBe(true);
          signals.forEach((s, i) => {
            if (i + 1 !== outcome.n) expect(ended[i] || s.aborted, `attempt ${i + 1} neither ended nor cancelled`).toBe(true);
          });
          expect(signals[outcome.n - 1].aborted).toBe(false);
        } else {
          expect(signals.every((s, i) => ended[i] || s.aborted)).toBe(true);
        }
        expect(clock.pendingSleeps).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
