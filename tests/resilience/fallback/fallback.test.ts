import { describe, expect, it } from 'vitest';
import { BrokenCircuitError } from '../../../src/resilience/circuit-breaker/broken-circuit-error.ts';
import { circuitBreaker } from '../../../src/resilience/circuit-breaker/circuit-breaker-policy.ts';
import { fallback } from '../../../src/resilience/fallback/fallback-policy.ts';
import { pipeline, type ExecuteContext } from '../../../src/resilience/pipeline/policy.ts';
import { VirtualClock } from '../virtual-clock.ts';

class Boom extends Error {}
const fail = (): Promise<string> => Promise.reject(new Boom('down'));

describe('fallback', () => {
  it('returns the operation’s value when it succeeds', async () => {
    await expect(fallback('cached').execute(() => 'fresh')).resolves.toBe('fresh');
  });

  it('returns the value, or the function’s result given the error and context, when the operation fails', async () => {
    await expect(fallback('cached').execute(fail)).resolves.toBe('cached');
    const seen: unknown[] = [];
    const policy = fallback((error: unknown, ctx: ExecuteContext) => {
      seen.push(error, ctx.attempt);
      return Promise.resolve('computed');
    });
    await expect(policy.execute(fail, undefined, 2)).resolves.toBe('computed');
    expect(seen[0]).toBeInstanceOf(Boom);
    expect(seen[1]).toBe(2);
  });

  it('covers a synchronous throw', async () => {
    await expect(
      fallback(0).execute((): number => {
        throw new Boom();
      }),
    ).resolves.toBe(0);
  });

  it('lets through the errors `when` does not accept', async () => {
    const policy = fallback('cached', { when: (e) => e instanceof BrokenCircuitError });
    await expect(policy.execute(fail)).rejects.toBeInstanceOf(Boom);
  });

  it('gives no fallback to a caller that aborted', async () => {
    const controller = new AbortController();
    const running = fallback('cached').execute((ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))), controller.signal);
    controller.abort('gave up');
    await expect(running).rejects.toBe('gave up');
    await expect(fallback('cached').execute(() => 'x', controller.signal)).rejects.toBe('gave up');
  });

  it('outermost in a pipeline, answers for an open breaker too', async () => {
    const clock = new VirtualClock();
    const policy = pipeline(fallback('degraded'), circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 1000, clock }));
    await expect(policy.execute(fail)).resolves.toBe('degraded');
    let called = false;
    await expect(
      policy.execute(() => {
        called = true;
        return 'fresh';
      }),
    ).resolves.toBe('degraded');
    expect(called).toBe(false);
  });

  it('run is typed with the fallback’s value', async () => {
    const value: string | null = await fallback(null).run(() => 'x');
    expect(value).toBe('x');
  });
});
