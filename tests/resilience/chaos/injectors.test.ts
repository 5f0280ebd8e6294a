import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  behaviorInjection,
  chaosFetch,
  constantBackoff,
  faultInjection,
  latencyInjection,
  outcomeInjection,
  pipeline,
  retry,
  timeout,
  TimeoutError,
  type ChaosInjectedEvent,
} from '../../../src/resilience/index.ts';
import { VirtualClock } from '../virtual-clock.ts';

const boom = new Error('injected');

describe('faultInjection', () => {
  it('rejects with the fault at rate 1 without running the operation, and runs it at rate 0', async () => {
    let ran = 0;
    const op = () => ++ran;
    await expect(faultInjection({ fault: boom, injectionRate: 1 }).execute(op)).rejects.toBe(boom);
    expect(ran).toBe(0);
    await expect(faultInjection({ fault: boom, injectionRate: 0 }).execute(op)).resolves.toBe(1);
  });

  it('skips the injection when the fault generator returns undefined (Polly: a null fault)', async () => {
    await expect(faultInjection({ fault: () => undefined, injectionRate: 1 }).execute(() => 'ok')).resolves.toBe('ok');
  });

  it('fails exactly the calls its core decided on: property over seeds and rates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (seed, rate) => {
        const policy = faultInjection({ fault: boom, injectionRate: rate, random: randomLcg(seed) });
        const mirror = randomLcg(seed);
        for (let i = 0; i < 50; i++) {
          const expected = mirror() < rate;
          const outcome = await policy.execute(() => 'ok').then(
            () => 'ok',
            () => 'fault',
          );
          expect(outcome).toBe(expected ? 'fault' : 'ok');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('tells its listeners what it injected', async () => {
    const events: ChaosInjectedEvent[] = [];
    const policy = faultInjection({ fault: boom, injectionRate: 1 });
    policy.onInjected((e) => events.push(e));
    await policy.execute(() => 1, undefined, 2).catch(() => {});
    expect(events).toEqual([{ kind: 'fault', attempt: 2, error: boom }]);
  });
});

describe('outcomeInjection', () => {
  it('resolves with the chosen result instead of running the operation', async () => {
    let ran = false;
    const policy = outcomeInjection({ outcome: { status: 503 }, injectionRate: 1 });
    await expect(policy.run(() => ((ran = true), { status: 200 }))).resolves.toEqual({ status: 503 });
    expect(ran).toBe(false);
  });

  it('never injects when disabled', async () => {
    const policy = outcomeInjection({ outcome: 'fake', injectionRate: 1, enabled: false });
    for (let i = 0; i < 20; i++) await expect(policy.run(() => 'real')).resolves.toBe('real');
  });
});

describe('latencyInjection', () => {
  it('waits latencyMs on the injected clock before the operation runs', async () => {
    const clock = new VirtualClock();
    let ranAt = -1;
    const call = latencyInjection({ latencyMs: 300, injectionRate: 1, clock }).execute(() => {
      ranAt = clock.now();
      return 'ok';
    });
    await clock.advance(299);
    expect(ranAt).toBe(-1);
    await clock.advance(1);
    await expect(call).resolves.toBe('ok');
    expect(ranAt).toBe(300);
  });

  it("defaults to Polly's 30 s", async () => {
    const clock = new VirtualClock();
    const call = latencyInjection({ injectionRate: 1, clock }).execute(() => 'ok');
    await clock.runAll();
    await call;
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('is cut short by an enclosing timeout, which is what a latency experiment checks', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(timeout(100, { clock }), latencyInjection({ latencyMs: 1000, injectionRate: 1, clock }));
    const call = policy.execute(() => 'ok');
    const settled = call.catch((e: unknown) => e);
    await clock.advance(200);
    expect(await settled).toBeInstanceOf(TimeoutError);
  });
});

describe('behaviorInjection', () => {
  it('runs the side effect, then the operation', async () => {
    const log: string[] = [];
    const policy = behaviorInjection({ behavior: () => void log.push('behaviour'), injectionRate: 1 });
    await expect(policy.execute(() => (log.push('operation'), 'ok'))).resolves.toBe('ok');
    expect(log).toEqual(['behaviour', 'operation']);
  });

  it('does nothing extra when disabled by a predicate', async () => {
    let effects = 0;
    const policy = behaviorInjection({ behavior: () => void effects++, injectionRate: 1, enabled: (c) => c.attempt > 1 });
    await policy.execute(() => 'ok');
    expect(effects).toBe(0);
    await policy.execute(() => 'ok', undefined, 2);
    expect(effects).toBe(1);
  });
});

describe('injectors compose in pipeline() like any other policy', () => {
  it('a retry outside a fault injector retries the injected fault; each attempt draws again', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(
      retry({ maxAttempts: 3, backoff: constantBackoff(10), clock }),
      // Only first attempts get the fault: the retry must get through on the second.
      faultInjection({ fault: boom, injectionRate: 1, enabled: (c) => c.attempt === 1 }),
    );
    const attempts: number[] = [];
    const call = policy.execute((c) => (attempts.push(c.attempt), 'ok'));
    await clock.runAll();
    await expect(call).resolves.toBe('ok');
    expect(attempts).toEqual([2]);
  });

  it('latency and fault injectors stack: the call waits, then fails', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(latencyInjection({ latencyMs: 50, injectionRate: 1, clock }), faultInjection({ fault: boom, injectionRate: 1 }));
    const settled = policy.execute(() => 'ok').catch((e: unknown) => e);
    await clock.advance(49);
    await clock.advance(1);
    expect(await settled).toBe(boom);
    expect(clock.now()).toBe(50);
  });
});

describe('chaosFetch', () => {
  it('runs fetch through the policy, handing it the policy’s signal', async () => {
    const seen: (AbortSignal | null | undefined)[] = [];
    const fakeFetch = async (_input: string | URL | Request, init?: RequestInit) => {
      seen.push(init?.signal);
      return new Response('real', { status: 200 });
    };
    const get = chaosFetch(outcomeInjection({ outcome: () => new Response(null, { status: 503 }), injectionRate: 1, enabled: (c) => c.attempt === 1 }), fakeFetch);
    expect((await get('http://127.0.0.1/')).status).toBe(503);
    expect(seen).toHaveLength(0);
    const plain = chaosFetch(faultInjection({ fault: boom, injectionRate: 0 }), fakeFetch);
    expect(await (await plain('http://127.0.0.1/', { method: 'GET' })).text()).toBe('real');
    expect(seen[0]).toBeInstanceOf(AbortSignal);
  });
});
