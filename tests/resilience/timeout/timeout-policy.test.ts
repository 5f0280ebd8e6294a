import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realClock } from '../../../src/resilience/clock.ts';
import { ResilienceError, TimeoutError } from '../../../src/resilience/errors.ts';
import type { ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { timeout } from '../../../src/resilience/timeout/timeout-policy.ts';
import { settle, VirtualClock } from '../virtual-clock.ts';

/** An operation that finishes only when its signal aborts (then rejects with the reason). */
const hangs = (seen: ExecuteContext[] = []) => (ctx: ExecuteContext) => {
  seen.push(ctx);
  const signal = ctx.signal;
  return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
};

/** The call's outcome and the virtual time it settled at. */
function track<T>(clock: VirtualClock, promise: Promise<T>) {
  const record: { settledAt?: number; value?: T; error?: unknown } = {};
  promise.then(
    (value) => Object.assign(record, { settledAt: clock.now(), value }),
    (error: unknown) => Object.assign(record, { settledAt: clock.now(), error }),
  );
  return record;
}

describe('timeout executor', () => {
  it('rejects with TimeoutError between timeoutMs and timeoutMs + resolutionMs, aborting the attempt’s signal with it', async () => {
    const clock = new VirtualClock();
    const policy = timeout(100, { clock, resolutionMs: 10 });
    const seen: ExecuteContext[] = [];
    const call = track(clock, policy.execute(hangs(seen)));
    await clock.advance(99.9);
    expect(seen[0].signal.aborted).toBe(false);
    expect(call.settledAt).toBeUndefined();
    await clock.advance(10.1);
    const error = call.error as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ResilienceError);
    expect(error.timeoutMs).toBe(100);
    expect(call.settledAt).toBeGreaterThanOrEqual(100);
    expect(call.settledAt).toBeLessThanOrEqual(110);
    expect(seen[0].signal.aborted).toBe(true);
    expect(seen[0].signal.reason).toBe(error);
  });

  it('rejects even when the operation ignores its signal', async () => {
    const clock = new VirtualClock();
    const policy = timeout(50, { clock, resolutionMs: 5 });
    const call = track(clock, policy.execute(() => new Promise(() => {})));
    await clock.advance(55);
    expect(call.error).toBeInstanceOf(TimeoutError);
  });

  it('gives an operation that reads its signal after the timeout an already aborted one', async () => {
    const clock = new VirtualClock();
    const policy = timeout(50, { clock, resolutionMs: 5 });
    let late: AbortSignal | undefined;
    const call = track(
      clock,
      policy.execute(async (ctx) => {
        await clock.sleep(80);
        late = ctx.signal;
      }),
    );
    await clock.advance(100);
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect(late?.aborted).toBe(true);
    expect(late?.reason).toBeInstanceOf(TimeoutError);
  });

  it('returns the result of an operation that finishes in time, leaving its signal alone', async () => {
    const clock = new VirtualClock();
    const policy = timeout(100, { clock });
    let signal: AbortSignal | undefined;
    const result = policy.execute(async (ctx) => {
      signal = ctx.signal;
      await clock.sleep(99);
      return 'done';
    });
    await clock.advance(200);
    await expect(result).resolves.toBe('done');
    expect(signal?.aborted).toBe(false);
  });

  it('passes through errors, plain values, synchronous throws and the attempt number', async () => {
    const clock = new VirtualClock();
    const policy = timeout(100, { clock });
    const boom = new Error('boom');
    await expect(policy.execute(() => Promise.reject(boom))).rejects.toBe(boom);
    await expect(policy.execute(() => 5)).resolves.toBe(5);
    await expect(
      policy.execute(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(policy.execute(async ({ attempt }) => attempt, undefined, 4)).resolves.toBe(4);
  });

  it('rejects at once with the caller’s reason when the caller aborts, aborting the attempt too', async () => {
    const clock = new VirtualClock();
    const policy = timeout(1000, { clock });
    const controller = new AbortController();
    const seen: ExecuteContext[] = [];
    const caught = policy.execute(hangs(seen), controller.signal).catch((e: unknown) => e);
    await settle();
    controller.abort('user cancelled');
    expect(await caught).toBe('user cancelled');
    expect(seen[0].signal.reason).toBe('user cancelled');
    await expect(policy.execute(hangs(), AbortSignal.abort('before'))).rejects.toBe('before');
  });

  it('abandons each call between its start + timeoutMs and that + resolutionMs, and never a call that finishes in time (property)', async () => {
    const call = fc.record({ gap: fc.integer({ min: 0, max: 300 }), duration: fc.integer({ min: 0, max: 600 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(call, { minLength: 1, maxLength: 25 }),
        async (timeoutMs, resolutionMs, calls) => {
          const clock = new VirtualClock();
          const policy = timeout(timeoutMs, { clock, resolutionMs });
          const started: { start: number; duration: number; record: ReturnType<typeof track<number>> }[] = [];
          for (const [i, { gap, duration }] of calls.entries()) {
            await clock.advance(gap);
            const record = track(
              clock,
              policy.execute(() => clock.sleep(duration).then(() => i)),
            );
            started.push({ start: clock.now(), duration, record });
          }
          await clock.runAll();
          for (const { start, duration, record } of started) {
            expect(record.settledAt).toBeDefined();
            if (duration < timeoutMs) expect(record.error).toBeUndefined();
            if (duration > timeoutMs + resolutionMs) expect(record.error).toBeInstanceOf(TimeoutError);
            if (record.error !== undefined) {
              expect(record.settledAt!).toBeGreaterThanOrEqual(start + timeoutMs);
              expect(record.settledAt!).toBeLessThanOrEqual(start + timeoutMs + resolutionMs);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs one shared timer for many concurrent calls, not one per call', async () => {
    const clock = new VirtualClock();
    const policy = timeout(100, { clock, resolutionMs: 10 });
    const results = Array.from({ length: 200 }, (_, i) => policy.execute(() => clock.sleep(i % 2 === 0 ? 10 : 500).then(() => i)).catch((e: unknown) => e));
    const sleepsByOperations = 200;
    await clock.runAll();
    const outcomes = await Promise.all(results);
    expect(outcomes.filter((o) => o instanceof TimeoutError)).toHaveLength(100);
    expect(outcomes.filter((o) => typeof o === 'number')).toHaveLength(100);
    // Ticks at 10, 20, ..., 100 (the epoch closed at 10 expires at 110): 11 timer waits for 200 calls.
    expect(clock.sleeps.length - sleepsByOperations).toBe(11);
  });

  it('fires onTimeout for each abandoned call with its attempt number', async () => {
    const clock = new VirtualClock();
    const policy = timeout(100, { clock, resolutionMs: 10 });
    const events: string[] = [];
    policy.onTimeout(({ timeoutMs, attempt }) => events.push(`${timeoutMs}/${attempt}@${clock.now()}`));
    const a = policy.execute(() => new Promise(() => {}), undefined, 2).catch(() => undefined);
    await clock.advance(30);
    const b = policy.execute(() => new Promise(() => {}), undefined, 3).catch(() => undefined);
    await clock.runAll();
    await Promise.all([a, b]);
    // a joins the epoch closed by the tick at 10 (deadline 110); b starts at 30 just after
    // that tick ran, so it joins the epoch closed at 40 (deadline 140): both within 10 ms late.
    expect(events).toEqual(['100/2@110', '100/3@140']);
  });

  it('keeps no timer per call for sequential fast calls', async () => {
    const clock = new VirtualClock();
    const policy = timeout(1000, { clock });
    for (let i = 0; i < 500; i++) await policy.execute(async () => i);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('rejects a non-positive or infinite timeout or resolution', () => {
    expect(() => timeout(0)).toThrow(RangeError);
    expect(() => timeout(Infinity)).toThrow(RangeError);
    expect(() => timeout(10, { resolutionMs: 0 })).toThrow(RangeError);
  });

  it('times out on the real clock too', async () => {
    const error = await timeout(5, { clock: realClock })
      .execute(hangs())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});
