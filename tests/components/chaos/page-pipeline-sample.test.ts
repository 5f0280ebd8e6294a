import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3-random';
import {
  exponentialBackoff,
  faultInjection,
  latencyInjection,
  pipeline,
  RetriesExhaustedError,
  retry,
  timeout,
  TimeoutError,
  type ChaosInjectedEvent,
} from '../../../src/resilience/index.ts';
import { VirtualClock } from '../../resilience/virtual-clock.ts';

/**
 * The pipeline of the chaos page's code sample, built with the same calls
 * and options, on a virtual clock and seeded randomness (what the sample
 * leaves to the real clock and Math.random), so that what its comments say
 * can be checked: the switch turns every injector on and off, and the retry
 * and the timeout see the injected faults as real ones.
 */
function samplePipeline(rates: { latency: number; fault: number }) {
  const clock = new VirtualClock();
  const random = randomLcg(42);
  const chaos = { on: false };
  const injected: ChaosInjectedEvent[] = [];
  const latency = latencyInjection({ latencyMs: 1_000, injectionRate: rates.latency, enabled: () => chaos.on, clock, random });
  const fault = faultInjection({ fault: () => new Error('injected fault'), injectionRate: rates.fault, enabled: () => chaos.on, random });
  latency.onInjected((e) => injected.push(e));
  fault.onInjected((e) => injected.push(e));
  const call = pipeline(
    retry({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 50, factor: 2, capMs: 1_000, jitter: 'full' }), clock, random }),
    timeout(250, { clock }),
    latency,
    fault,
  );
  const run = async () => {
    const settled = call
      .execute(() => clock.sleep(40).then(() => 'stock'))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    await clock.runAll();
    return settled;
  };
  return { chaos, injected, run };
}

describe('the chaos page’s pipeline sample', () => {
  it('with the switch off, no injector acts', async () => {
    const p = samplePipeline({ latency: 1, fault: 1 });
    for (let i = 0; i < 20; i++) expect(await p.run()).toEqual({ ok: true, value: 'stock' });
    expect(p.injected).toEqual([]);
  });

  it('switched on, an injected fault is retried like a real one, on every attempt', async () => {
    const p = samplePipeline({ latency: 0, fault: 1 });
    p.chaos.on = true;
    const r = await p.run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (!(r.error instanceof RetriesExhaustedError)) throw r.error;
    expect(r.error.attempts).toBe(3);
    expect(r.error.lastError).toEqual(new Error('injected fault'));
    expect(p.injected.map((e) => [e.kind, e.attempt])).toEqual([
      ['fault', 1],
      ['fault', 2],
      ['fault', 3],
    ]);
  });

  it('switched on, injected latency is cut short by the timeout above it', async () => {
    const p = samplePipeline({ latency: 1, fault: 0 });
    p.chaos.on = true;
    const r = await p.run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (!(r.error instanceof RetriesExhaustedError)) throw r.error;
    expect(r.error.lastError).toBeInstanceOf(TimeoutError);
  });
});
