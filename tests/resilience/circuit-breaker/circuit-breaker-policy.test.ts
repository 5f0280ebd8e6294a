import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantBackoff } from '../../../src/resilience/backoff/index.ts';
import { BrokenCircuitError } from '../../../src/resilience/circuit-breaker/broken-circuit-error.ts';
import { STRICTLY_AFTER_MS } from '../../../src/resilience/circuit-breaker/circuit-breaker-core.ts';
import { circuitBreaker, type CircuitBreakerOptions } from '../../../src/resilience/circuit-breaker/circuit-breaker-policy.ts';
import { ResilienceError, TimeoutError } from '../../../src/resilience/errors.ts';
import { pipeline, type ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { retry } from '../../../src/resilience/retry/retry-policy.ts';
import { timeout } from '../../../src/resilience/timeout/timeout-policy.ts';
import { settle, VirtualClock } from '../virtual-clock.ts';

class Boom extends Error {}
const fail = (): Promise<never> => Promise.reject(new Boom('down'));
const ok = (): Promise<string> => Promise.resolve('ok');

function breaker(options: Partial<CircuitBreakerOptions> = {}) {
  const clock = new VirtualClock();
  const policy = circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 2 }, openDuration: 1000, clock, ...options });
  return { clock, policy };
}

describe('circuit breaker executor', () => {
  it('passes results and errors through while closed', async () => {
    const { policy } = breaker();
    await expect(policy.execute(ok)).resolves.toBe('ok');
    await expect(policy.execute(() => 42)).resolves.toBe(42);
    await expect(policy.execute(fail)).rejects.toBeInstanceOf(Boom);
    await expect(
      policy.execute(() => {
        throw new Boom('sync');
      }),
    ).rejects.toBeInstanceOf(Boom);
    expect(policy.state).toBe('open');
  });

  it('once open, rejects with BrokenCircuitError carrying the wait left, without calling the operation', async () => {
    const { policy, clock } = breaker();
    await policy.execute(fail).catch(() => {});
    await policy.execute(fail).catch(() => {});
    await clock.advance(300);
    let called = false;
    const error = (await policy
      .execute(() => {
        called = true;
        return ok();
      })
      .catch((e: unknown) => e)) as BrokenCircuitError;
    expect(called).toBe(false);
    expect(error).toBeInstanceOf(BrokenCircuitError);
    expect(error).toBeInstanceOf(ResilienceError);
    expect(error.retryAfterMs).toBe(700 + STRICTLY_AFTER_MS);
    expect(error.state).toBe('open');
  });

  it('lets a probe through strictly after the wait, and closes when it succeeds', async () => {
    const { policy, clock } = breaker();
    await policy.execute(fail).catch(() => {});
    await policy.execute(fail).catch(() => {});
    await clock.advance(1000);
    await expect(policy.execute(ok)).rejects.toBeInstanceOf(BrokenCircuitError);
    await clock.advance(1);
    await expect(policy.execute(ok)).resolves.toBe('ok');
    expect(policy.state).toBe('closed');
  });

  it('counts only the errors isFailure accepts', async () => {
    class NotFound extends Error {}
    const { policy } = breaker({ isFailure: (e) => !(e instanceof NotFound) });
    for (let i = 0; i < 5; i++) await policy.execute(() => Promise.reject(new NotFound())).catch(() => {});
    expect(policy.state).toBe('closed');
  });

  it.each([
    { path: 'untimed', detection: { kind: 'consecutive', failureThreshold: 1 } as const },
    { path: 'timed', detection: { kind: 'time-window', windowMs: 1000, minimumCalls: 1, failureRateThreshold: 100 } as const },
  ])('$path path: does not count a failure after the caller aborted, and never starts a call whose signal already aborted', async ({ detection }) => {
    const { policy } = breaker({ detection });
    const controller = new AbortController();
    const running = policy.execute((ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))), controller.signal);
    controller.abort(new Boom('caller gave up'));
    await expect(running).rejects.toBeInstanceOf(Boom);
    expect(policy.state).toBe('closed');
    let called = false;
    await expect(
      policy.execute(() => {
        called = true;
      }, controller.signal),
    ).rejects.toBeInstanceOf(Boom);
    expect(called).toBe(false);
  });

  it('hands the operation the caller’s signal and the enclosing retry’s attempt number', async () => {
    const { policy } = breaker();
    const seen: ExecuteContext[] = [];
    const controller = new AbortController();
    await policy.execute((ctx) => seen.push(ctx), controller.signal, 3);
    await policy.execute((ctx) => seen.push(ctx), undefined, 2);
    await policy.execute((ctx) => seen.push(ctx));
    expect(seen.map((c) => [c.signal === controller.signal, c.attempt])).toEqual([
      [true, 3],
      [false, 2],
      [false, 1],
    ]);
  });

  it('dates a trip by a success that reaches the minimum number of calls on the fast path', async () => {
    const { policy, clock } = breaker({ detection: { kind: 'count-window', windowSize: 4, minimumCalls: 4, failureRateThreshold: 50 } });
    await clock.advance(5000);
    for (const op of [fail, fail, ok]) await policy.execute(op).catch(() => {});
    expect(policy.core.needsTime).toBe(false);
    await policy.execute(ok);
    expect(policy.state).toBe('open');
    expect(policy.core.openUntil).toBe(6000);
  });

  it('with automaticHalfOpen, turns half-open on its own timer, which dispose() cancels', async () => {
    const { policy, clock } = breaker({ automaticHalfOpen: true });
    await policy.execute(fail).catch(() => {});
    await policy.execute(fail).catch(() => {});
    expect(clock.pendingSleeps).toBe(1);
    await clock.advance(999);
    expect(policy.state).toBe('open');
    await clock.advance(1);
    expect(policy.state).toBe('half-open');
    expect(clock.pendingSleeps).toBe(0);

    const second = breaker({ automaticHalfOpen: true });
    await second.policy.execute(fail).catch(() => {});
    await second.policy.execute(fail).catch(() => {});
    second.policy.dispose();
    await second.clock.advance(5000);
    expect(second.policy.state).toBe('open');
  });

  it('reopens on its timer when a probe hangs past the probe timeout', async () => {
    const { policy, clock } = breaker({ halfOpen: { probeTimeoutMs: 200 } });
    await policy.execute(fail).catch(() => {});
    await policy.execute(fail).catch(() => {});
    await clock.advance(1001);
    void policy.execute(() => new Promise(() => {}));
    await settle();
    expect(policy.state).toBe('half-open');
    await clock.advance(200);
    expect(policy.state).toBe('open');
    expect(policy.core.openUntil).toBe(2201);
  });

  it('forceOpen, disable and reset act at the clock’s time', async () => {
    const { policy } = breaker();
    policy.forceOpen();
    await expect(policy.execute(ok)).rejects.toMatchObject({ state: 'forced-open', retryAfterMs: Infinity });
    policy.disable();
    for (let i = 0; i < 5; i++) await policy.execute(fail).catch(() => {});
    expect(policy.state).toBe('disabled');
    policy.reset();
    expect(policy.state).toBe('closed');
  });

  it('rejected calls never reach the function', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 700 }), fails: fc.boolean(), concurrent: fc.boolean() }), { maxLength: 60 }),
        fc.boolean(),
        async (calls, automaticHalfOpen) => {
          const clock = new VirtualClock();
          const policy = circuitBreaker({
            detection: { kind: 'count-window', windowSize: 4, minimumCalls: 2, failureRateThreshold: 50 },
            openDuration: constantBackoff(500),
            halfOpen: { probes: 2, probeTimeoutMs: 300 },
            automaticHalfOpen,
            clock,
          });
          const reached = new Set<number>();
          const settled: Promise<void>[] = [];
          for (const [id, c] of calls.entries()) {
            await clock.advance(c.gap);
            const run = policy
              .execute(async () => {
                reached.add(id);
                await clock.sleep(c.concurrent ? 100 : 0);
                if (c.fails) throw new Boom();
              })
              .then(
                () => expect(reached.has(id)).toBe(true),
                (e: unknown) => expect(reached.has(id)).toBe(!(e instanceof BrokenCircuitError)),
              );
            settled.push(run);
          }
          await clock.runAll();
          await Promise.all(settled);
          policy.dispose();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('in a pipeline with retry and timeout', () => {
  it('retry outside the breaker waits out the open breaker’s retryAfterMs instead of hammering it', async () => {
    const clock = new VirtualClock();
    const cb = circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 2 }, openDuration: 1000, clock });
    const policy = pipeline(retry({ maxAttempts: 4, backoff: constantBackoff(10), random: () => 0.5, clock }), cb, timeout(50, { clock }));
    let calls = 0;
    const result = policy.execute(async () => {
      calls++;
      if (calls <= 2) throw new Boom();
      return 'recovered';
    });
    await clock.runAll();
    await expect(result).resolves.toBe('recovered');
    // Two failures trip the breaker; the third attempt is rejected with retryAfterMs ≈ 1000,
    // so the retry waits that long and its fourth attempt is the probe that closes it.
    expect(calls).toBe(3);
    expect(clock.sleeps.filter((ms) => ms >= 990)).toHaveLength(1);
    expect(cb.state).toBe('closed');
  });

  it('a timeout inside the breaker counts as a failure', async () => {
    const clock = new VirtualClock();
    const cb = circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 1000, clock });
    const policy = pipeline(cb, timeout(50, { clock }));
    const hung = policy.execute(() => new Promise(() => {})).catch((e: unknown) => e);
    // The timeout abandons a call within its resolution after the deadline.
    await clock.advance(100);
    expect(await hung).toBeInstanceOf(TimeoutError);
    expect(cb.state).toBe('open');
  });
});
