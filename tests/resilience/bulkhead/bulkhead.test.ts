import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulkheadCore } from '../../../src/resilience/bulkhead/bulkhead-core.ts';
import { BulkheadRejectedError } from '../../../src/resilience/bulkhead/bulkhead-rejected-error.ts';
import { bulkhead } from '../../../src/resilience/bulkhead/bulkhead-policy.ts';
import { ResilienceError } from '../../../src/resilience/errors.ts';
import { settle } from '../virtual-clock.ts';

/** A promise the test settles by hand. */
function deferred<T = string>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('bulkhead core', () => {
  it('admits up to maxConcurrent, queues up to maxQueue, and hands a freed slot to the oldest waiter', () => {
    const core = new BulkheadCore<string>({ maxConcurrent: 2, maxQueue: 2 });
    expect([core.tryEnter(), core.tryEnter(), core.tryEnter()]).toEqual([true, true, false]);
    expect([core.enqueue('a'), core.enqueue('b'), core.enqueue('c')]).toEqual([true, true, false]);
    expect(core.leave()).toBe('a');
    expect(core.running).toBe(2);
    expect(core.remove('b')).toBe(true);
    expect(core.remove('b')).toBe(false);
    expect(core.leave()).toBeUndefined();
    expect(core.running).toBe(1);
    expect(core.queued).toBe(0);
  });

  it('refuses a leave without a running call, and bad limits', () => {
    expect(() => new BulkheadCore({ maxConcurrent: 1 }).leave()).toThrow(RangeError);
    expect(() => new BulkheadCore({ maxConcurrent: 0 })).toThrow(RangeError);
    expect(() => new BulkheadCore({ maxConcurrent: 1, maxQueue: -1 })).toThrow(RangeError);
    expect(() => new BulkheadCore({ maxConcurrent: 1.5 })).toThrow(RangeError);
  });
});

describe('bulkhead executor', () => {
  it('runs maxConcurrent calls, queues the next ones in order, rejects beyond the queue', async () => {
    const policy = bulkhead({ maxConcurrent: 2, maxQueue: 1 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const calls = gates.map((g, i) =>
      policy
        .execute(() => {
          started.push(i);
          return g.promise;
        })
        .catch((e: unknown) => (e as Error).message),
    );
    const rejected = policy.execute(() => 'never').catch((e: unknown) => e);
    expect(started).toEqual([0, 1]);
    const error = (await rejected) as BulkheadRejectedError;
    expect(error).toBeInstanceOf(BulkheadRejectedError);
    expect(error).toBeInstanceOf(ResilienceError);
    expect([error.maxConcurrent, error.maxQueue]).toEqual([2, 1]);
    gates[1].reject(new Error('second failed'));
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve('a');
    gates[2].resolve('c');
    await expect(calls[0]).resolves.toBe('a');
    await expect(calls[1]).resolves.toBe('second failed');
    await expect(calls[2]).resolves.toBe('c');
    expect(policy.core.running).toBe(0);
  });

  it('an aborted waiter leaves the queue at once, rejects with the abort reason, and never runs', async () => {
    const policy = bulkhead({ maxConcurrent: 1, maxQueue: 2 });
    const gate = deferred();
    void policy.execute(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = policy
      .execute(() => {
        ran = true;
      }, controller.signal)
      .catch((e: unknown) => e);
    expect(policy.core.queued).toBe(1);
    controller.abort('caller gave up');
    expect(policy.core.queued).toBe(0);
    expect(await waiting).toBe('caller gave up');
    gate.resolve('done');
    await settle();
    expect(ran).toBe(false);
    expect(policy.core.running).toBe(0);
  });

  it('frees the slot of an operation that throws synchronously', async () => {
    const policy = bulkhead({ maxConcurrent: 1 });
    await expect(
      policy.execute(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(policy.execute(() => 'next')).resolves.toBe('next');
  });

  it('tells listeners about rejections', async () => {
    const policy = bulkhead({ maxConcurrent: 1 });
    const events: unknown[] = [];
    policy.onRejected((e) => events.push(e));
    void policy.execute(() => new Promise(() => {}));
    await policy.execute(() => 1).catch(() => {});
    expect(events).toEqual([{ running: 1, queued: 0 }]);
  });

  it('never runs more than maxConcurrent calls, and aborted waiters leave the queue at once', async () => {
    type Step = { op: 'call'; abortable: boolean } | { op: 'finish'; pick: number; ok: boolean } | { op: 'abort'; pick: number };
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constant('call' as const), abortable: fc.boolean() }),
      fc.record({ op: fc.constant('finish' as const), pick: fc.nat(), ok: fc.boolean() }),
      fc.record({ op: fc.constant('abort' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.array(stepArb, { maxLength: 60 }), async (maxConcurrent, maxQueue, steps) => {
        const policy = bulkhead({ maxConcurrent, maxQueue });
        let running = 0;
        const gates: ReturnType<typeof deferred<string>>[] = [];
        const controllers: { controller: AbortController; queued: boolean; started: () => boolean; outcome: Promise<unknown> }[] = [];
        for (const step of steps) {
          if (step.op === 'call') {
            const controller = new AbortController();
            let started = false;
            const queuedBefore = policy.core.queued;
            const outcome = policy
              .execute(
                () => {
                  started = true;
                  running++;
                  expect(running).toBeLessThanOrEqual(maxConcurrent);
                  const gate = deferred();
                  gates.push(gate);
                  return gate.promise.finally(() => running--);
                },
                step.abortable ? controller.signal : undefined,
              )
              .catch((e: unknown) => e);
            if (step.abortable) controllers.push({ controller, queued: policy.core.queued > queuedBefore, started: () => started, outcome });
          } else if (step.op === 'finish' && gates.length > 0) {
            const [gate] = gates.splice(step.pick % gates.length, 1);
            if (step.ok) gate.resolve('ok');
            else gate.reject(new Error('failed'));
          } else if (step.op === 'abort' && controllers.length > 0) {
            const [{ controller, queued, started, outcome }] = controllers.splice(step.pick % controllers.length, 1);
            const queuedBefore = policy.core.queued;
            const stillQueued = queued && !started();
            controller.abort('gave up');
            if (stillQueued) {
              expect(policy.core.queued).toBe(queuedBefore - 1);
              expect(await outcome).toBe('gave up');
              expect(started()).toBe(false);
            }
          }
          await settle();
          expect(policy.core.running).toBe(running);
          expect(policy.core.running).toBeLessThanOrEqual(maxConcurrent);
          expect(policy.core.queued).toBeLessThanOrEqual(maxQueue);
        }
        for (const g of gates.splice(0)) g.resolve('ok');
      }),
      { numRuns: 80 },
    );
  });
});
