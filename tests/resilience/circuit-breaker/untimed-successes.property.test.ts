import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreakerCore } from '../../../src/resilience/circuit-breaker/circuit-breaker-core.ts';
import type { CircuitBreakerCoreOptions } from '../../../src/resilience/circuit-breaker/breaker-options.ts';
import { circuitBreaker } from '../../../src/resilience/circuit-breaker/circuit-breaker-policy.ts';
import { VirtualClock } from '../virtual-clock.ts';

/** One call: time passes (by `gap` twentieths of a slice, or to the next slice boundary or just before it), then the call starts and ends with its outcome. */
type Step = { readonly move: 'gap' | 'boundary' | 'just-before'; readonly gap: number; readonly failed: boolean };

const stepArb: fc.Arbitrary<Step> = fc.record({
  move: fc.constantFrom('gap' as const, 'gap' as const, 'gap' as const, 'boundary' as const, 'just-before' as const),
  gap: fc.integer({ min: 0, max: 8 }),
  failed: fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
});

const optionsArb: fc.Arbitrary<CircuitBreakerCoreOptions> = fc
  .record({
    windowMs: fc.integer({ min: 10, max: 2000 }),
    buckets: fc.integer({ min: 1, max: 7 }),
    minimumCalls: fc.integer({ min: 1, max: 20 }),
    failureRateThreshold: fc.integer({ min: 20, max: 100 }),
    openMs: fc.integer({ min: 0, max: 500 }),
    automaticHalfOpen: fc.boolean(),
  })
  .map((o) => ({
    detection: {
      kind: 'time-window' as const,
      windowMs: o.windowMs,
      buckets: o.buckets,
      minimumCalls: o.minimumCalls,
      failureRateThreshold: o.failureRateThreshold,
    },
    openDuration: o.openMs,
    automaticHalfOpen: o.automaticHalfOpen,
  }));

describe('time-window breaker: successes reported without their time (untimedUntil)', () => {
  it('give the same decisions, step by step, as reading the clock on every call, with calls at and around slice boundaries', () => {
    let untimed = 0;
    fc.assert(
      fc.property(optionsArb, fc.array(stepArb, { minLength: 1, maxLength: 120 }), (options, steps) => {
        const exact = new CircuitBreakerCore(options);
        const coarse = new CircuitBreakerCore(options);
        coarse.allowUntimedSuccesses();
        const bucketMs = options.detection.kind === 'time-window' ? options.detection.windowMs / (options.detection.buckets ?? 1) : 1;
        let now = 0;
        // A punctual timer, as on a virtual clock: each core is advanced at every time it asked for, in order, before a call at `to`.
        const runTimers = (core: CircuitBreakerCore, to: number, withUntimed: boolean) => {
          for (;;) {
            const next = core.nextTimerAt();
            const end = withUntimed ? core.untimedUntil : undefined;
            const at = Math.min(next ?? Infinity, end ?? Infinity);
            if (!(at <= to)) return;
            core.advance(at);
          }
        };
        for (const step of steps) {
          const boundary = (Math.floor(now / bucketMs) + 1) * bucketMs;
          now = step.move === 'gap' ? now + (step.gap * bucketMs) / 20 : step.move === 'boundary' ? boundary : Math.max(now, boundary - 0.001);
          runTimers(exact, now, false);
          runTimers(coarse, now, true);

          const e = exact.tryAcquire(now);
          const c = coarse.needsTime ? coarse.tryAcquire(now) : coarse.tryAcquire(NaN);
          expect(c.permitted).toBe(e.permitted);
          if (e.permitted && c.permitted) {
            if (step.failed) {
              exact.onFailure(now, 0, e);
              coarse.onFailure(now, 0, c);
            } else {
              exact.onSuccess(now, 0, e);
              if (coarse.needsTime) coarse.onSuccess(now, 0, c);
              else {
                untimed++;
                coarse.onSuccessUntimed(c, () => now);
              }
            }
          }
          expect(coarse.state).toBe(exact.state);
          expect(coarse.epoch).toBe(exact.epoch);
          expect(coarse.counts(now)).toEqual(exact.counts(now));
        }
      }),
      { numRuns: 300 },
    );
    // The comparison is only worth something if the untimed path ran.
    expect(untimed).toBeGreaterThan(300);
  });

  it('skips the clock for most successes of a steady stream, and never without an executor that promised a timer', () => {
    const options: CircuitBreakerCoreOptions = {
      detection: { kind: 'time-window', windowMs: 10_000, buckets: 10, minimumCalls: 100, failureRateThreshold: 50 },
      openDuration: 1000,
    };
    const simulated = new CircuitBreakerCore(options);
    const executor = new CircuitBreakerCore(options);
    executor.allowUntimedSuccesses();
    let untimed = 0;
    for (let t = 0; t < 5000; t += 1) {
      if (executor.untimedUntil !== undefined && executor.untimedUntil <= t) executor.advance(t);
      expect(simulated.needsTime).toBe(true);
      const permit = executor.tryAcquire(t);
      if (!permit.permitted) throw new Error('closed breaker rejected a call');
      if (executor.needsTime) executor.onSuccess(t, 0, permit);
      else {
        untimed++;
        executor.onSuccessUntimed(permit, () => t);
      }
    }
    // A tenth of each 1 s slice is timed, the rest not.
    expect(untimed).toBeGreaterThan(0.85 * 5000);
    expect(executor.counts(4999)).toEqual({ calls: 5000, failures: 0, slowCalls: 0 });
    executor.allowUntimedSuccesses(false);
    expect(executor.needsTime).toBe(true);
  });
});

describe('time-window breaker policy on a virtual clock', () => {
  it('reads the clock for few successes, keeps one timer at untimedUntil, and trips at the same call as a clock read per call', async () => {
    const detection = { kind: 'time-window', windowMs: 1000, buckets: 10, minimumCalls: 20, failureRateThreshold: 50 } as const;
    const clock = new VirtualClock();
    let reads = 0;
    const counting = { now: () => (reads++, clock.now()), sleep: clock.sleep.bind(clock) };
    const policy = circuitBreaker({ detection, openDuration: 5000, clock: counting });
    const exact = new CircuitBreakerCore({ detection, openDuration: 5000 });
    const ok = async () => 1;
    const fail = async () => {
      throw new Error('down');
    };
    // 400 successes 5 ms apart (20 s of slices), then failures until the breaker trips.
    for (let i = 0; i < 400; i++) {
      await policy.execute(ok);
      const p = exact.tryAcquire(clock.now());
      if (p.permitted) exact.onSuccess(clock.now(), 0, p);
      await clock.advance(5);
    }
    // Read per call, that is 800 reads (start and end); untimed, only the calls in each slice's last tenth and the first after it
    // read (3 of its 20 calls, twice each), plus the timer's own read and re-arm once a slice: about 160.
    expect(reads).toBeLessThan(200);
    expect(policy.core.counts(clock.now())).toEqual(exact.counts(clock.now()));
    let calls = 0;
    while (policy.state === 'closed' && calls < 100) {
      calls++;
      await policy.execute(fail).catch(() => {});
      const p = exact.tryAcquire(clock.now());
      if (p.permitted) exact.onFailure(clock.now(), 0, p);
      expect(policy.state).toBe(exact.state);
      await clock.advance(5);
    }
    expect(policy.state).toBe('open');
    policy.dispose();
  });
});
