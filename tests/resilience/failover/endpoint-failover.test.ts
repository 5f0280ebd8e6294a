import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllEndpointsFailedError, EndpointFailover, EndpointFailoverPolicy } from '../../../src/resilience/failover/index.ts';
import { TimeoutError } from '../../../src/resilience/errors.ts';
import { VirtualClock } from '../virtual-clock.ts';

describe('EndpointFailover', () => {
  it('tries the preferred endpoint, then the others in list order, skipping those cooling down', () => {
    const f = new EndpointFailover({ endpoints: 3, coolDownMs: 1000 });
    expect(f.plan(0)).toEqual([0, 1, 2]);
    f.onFailure(0, 0);
    expect(f.plan(10)).toEqual([1, 2]);
    f.onSuccess(2);
    expect(f.plan(20)).toEqual([2, 1]);
    expect(f.plan(1000)).toEqual([2, 0, 1]);
  });

  it('when every endpoint cools down, tries the one whose cool-down ends first', () => {
    const f = new EndpointFailover({ endpoints: 3, coolDownMs: 1000 });
    f.onFailure(1, 0);
    f.onFailure(0, 10);
    f.onFailure(2, 20);
    expect(f.plan(30)).toEqual([1]);
  });

  it('plans each endpoint at most once, never one cooling down while another is not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ e: fc.integer({ min: 0, max: 4 }), ok: fc.boolean(), gap: fc.integer({ min: 0, max: 600 }) }), { maxLength: 40 }),
        (evs) => {
          const f = new EndpointFailover({ endpoints: 5, coolDownMs: 1000 });
          let now = 0;
          for (const ev of evs) {
            now += ev.gap;
            if (ev.ok) f.onSuccess(ev.e);
            else f.onFailure(ev.e, now);
            const plan = f.plan(now);
            expect(new Set(plan).size).toBe(plan.length);
            expect(plan.length).toBeGreaterThan(0);
            const someWarm = [0, 1, 2, 3, 4].some((e) => !f.isCoolingDown(e, now));
            if (someWarm) for (const e of plan) expect(f.isCoolingDown(e, now)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('EndpointFailoverPolicy', () => {
  const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

  it('moves on to the next endpoint when one refuses, and sticks to the one that answered', async () => {
    const clock = new VirtualClock();
    const policy = new EndpointFailoverPolicy({ endpoints: ['a', 'b', 'c'], coolDownMs: 5000, clock });
    const seen: string[] = [];
    const moves: number[][] = [];
    policy.onFailover((e) => moves.push([e.from, e.to]));
    const call = (down: readonly string[]) =>
      policy.execute((endpoint) => {
        seen.push(endpoint);
        if (down.includes(endpoint)) throw refused();
        return endpoint;
      });
    expect(await call(['a'])).toBe('b');
    expect(await call([])).toBe('b');
    expect(seen).toEqual(['a', 'b', 'b']);
    expect(moves).toEqual([[0, 1]]);
  });

  it('lets application errors through without trying another endpoint', async () => {
    const policy = new EndpointFailoverPolicy({
      endpoints: ['a', 'b'],
      clock: new VirtualClock(),
      isEndpointFailure: (e) => (e as { code?: string }).code === 'ECONNREFUSED',
    });
    const notFound = new Error('404');
    let calls = 0;
    await expect(
      policy.execute(() => {
        calls++;
        throw notFound;
      }),
    ).rejects.toBe(notFound);
    expect(calls).toBe(1);
  });

  it('gives each endpoint its attempt timeout, then fails with every error when all are down', async () => {
    const clock = new VirtualClock();
    const policy = new EndpointFailoverPolicy({ endpoints: ['a', 'b'], attemptTimeoutMs: 100, clock });
    const aborted: boolean[] = [];
    const pending = policy.execute(
      (_endpoint, ctx) =>
        new Promise<string>((_, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted.push(true);
            reject(ctx.signal.reason);
          });
        }),
    );
    const outcome = pending.catch((e: unknown) => e);
    await clock.runAll();
    const error = await outcome;
    expect(error).toBeInstanceOf(AllEndpointsFailedError);
    expect((error as AllEndpointsFailedError).errors.every((e) => e instanceof TimeoutError)).toBe(true);
    expect(aborted).toEqual([true, true]);
  });

  it('stops at once when the caller aborts', async () => {
    const policy = new EndpointFailoverPolicy({ endpoints: ['a', 'b'], clock: new VirtualClock() });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    await expect(
      policy.execute(() => {
        controller.abort(reason);
        throw refused();
      }, controller.signal),
    ).rejects.toBe(reason);
  });
});
