import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../../src/resilience/backoff/index.ts';
import { CircuitBreakerCore, type AcquireResult, type Permit } from '../../../src/resilience/circuit-breaker/circuit-breaker-core.ts';
import type { CircuitBreakerCoreOptions } from '../../../src/resilience/circuit-breaker/breaker-options.ts';
import type { FailureDetection } from '../../../src/resilience/circuit-breaker/detection-options.ts';

const detectionArb: fc.Arbitrary<FailureDetection> = fc.oneof(
  fc.record({ kind: fc.constant('consecutive' as const), failureThreshold: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('count-window' as const),
    windowSize: fc.integer({ min: 1, max: 8 }),
    minimumCalls: fc.integer({ min: 1, max: 8 }),
    failureRateThreshold: fc.integer({ min: 1, max: 100 }),
    slowCalls: fc.option(fc.record({ durationMs: fc.integer({ min: 0, max: 50 }), rateThreshold: fc.integer({ min: 1, max: 100 }) }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('time-window' as const),
    windowMs: fc.integer({ min: 10, max: 2000 }),
    buckets: fc.integer({ min: 1, max: 6 }),
    minimumCalls: fc.integer({ min: 1, max: 6 }),
    failureRateThreshold: fc.integer({ min: 1, max: 100 }),
  }),
);

const optionsArb: fc.Arbitrary<CircuitBreakerCoreOptions> = fc
  .record({
    detection: detectionArb,
    growing: fc.boolean(),
    openMs: fc.integer({ min: 0, max: 500 }),
    probes: fc.integer({ min: 1, max: 4 }),
    thresholdFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    probeTimeoutMs: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    automaticHalfOpen: fc.boolean(),
  })
  .map((o) => ({
    detection: o.detection,
    openDuration: o.growing ? exponentialBackoff({ baseMs: Math.max(1, o.openMs / 2), capMs: 2000, jitter: 'none' }) : o.openMs,
    halfOpen: { probes: o.probes, successThreshold: 1 + Math.floor(o.thresholdFraction * (o.probes - 1)), probeTimeoutMs: o.probeTimeoutMs },
    automaticHalfOpen: o.automaticHalfOpen,
  }));

type Command =
  | { readonly op: 'acquire'; readonly dt: number }
  | { readonly op: 'report'; readonly pick: number; readonly outcome: 'success' | 'failure' | 'ignored'; readonly dt: number }
  | { readonly op: 'advance'; readonly dt: number }
  | { readonly op: 'by-hand'; readonly action: 'forceOpen' | 'disable' | 'reset'; readonly dt: number };

/** Mostly calls close together, sometimes a gap long enough for an open wait or a window to pass. */
const dtArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 600 }) });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('acquire' as const), dt: dtArb }) },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('report' as const), pick: fc.nat({ max: 3 }), outcome: fc.constantFrom('success' as const, 'failure' as const, 'ignored' as const), dt: dtArb }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), dt: dtArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('by-hand' as const), action: fc.constantFrom('forceOpen' as const, 'disable' as const, 'reset' as const), dt: dtArb }) },
);

/** Reports go mostly to the latest calls, so probes get answered while they matter. */
function pickIndex(pick: number, length: number): number {
  return length - 1 - (pick % length);
}

interface Running {
  readonly permit: Permit;
  readonly start: number;
}

/**
 * Applies one command; permits handed out are kept in `running` until reported.
 * Returns what the core answered, for comparisons between two cores.
 */
function apply(core: CircuitBreakerCore, c: Command, clock: { now: number }, running: Running[], permits?: Permit[]): AcquireResult | string {
  clock.now += c.dt;
  const now = clock.now;
  switch (c.op) {
    case 'acquire': {
      const r = core.tryAcquire(now);
      if (r.permitted) running.push({ permit: permits?.shift() ?? r, start: now });
      return r;
    }
    case 'report': {
      if (running.length === 0) return 'nothing to report';
      const [{ permit, start }] = running.splice(pickIndex(c.pick, running.length), 1);
      if (c.outcome === 'success') core.onSuccess(now, now - start, permit);
      else if (c.outcome === 'failure') core.onFailure(now, now - start, permit);
      else core.onIgnored(now, permit);
      return c.outcome;
    }
    case 'advance':
      core.advance(now);
      return 'advanced';
    case 'by-hand':
      core[c.action](now);
      return c.action;
  }
}

describe('circuit breaker core properties', () => {
  it('half-open never admits more than N probes per episode (not counting probes whose outcome was ignored)', () => {
    fc.assert(
      fc.property(optionsArb, fc.array(commandArb, { maxLength: 150 }), (options, commands) => {
        const core = new CircuitBreakerCore(options);
        const limit = options.halfOpen!.probes!;
        const clock = { now: 0 };
        // Start tripped, so that every run spends its commands around open and half-open.
        while (core.state === 'closed') core.onFailure(0, 0, core.tryAcquire(0) as Permit);
        const running: Running[] = [];
        const admitted = new Map<number, number>();
        for (const c of commands) {
          const ignoredProbe = c.op === 'report' && c.outcome === 'ignored' && running.length > 0 ? running[pickIndex(c.pick, running.length)].permit : undefined;
          const r = apply(core, c, clock, running);
          if (typeof r !== 'string' && r.permitted && r.kind === 'probe') admitted.set(r.epoch, (admitted.get(r.epoch) ?? 0) + 1);
          if (ignoredProbe?.kind === 'probe' && ignoredProbe.epoch === core.epoch) admitted.set(ignoredProbe.epoch, admitted.get(ignoredProbe.epoch)! - 1);
          for (const n of admitted.values()) expect(n).toBeLessThanOrEqual(limit);
          const p = core.probes;
          expect(p.inFlight + p.successes + p.failures).toBeLessThanOrEqual(limit);
          if (core.state !== 'half-open') expect(p).toEqual({ inFlight: 0, successes: 0, failures: 0 });
          if (typeof r !== 'string' && !r.permitted) {
            expect(r.state).toBe(core.state);
            expect(r.retryAfterMs).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('state survives snapshot, JSON and restore: the restored core answers every later call exactly as the original', () => {
    fc.assert(
      fc.property(optionsArb, fc.array(commandArb, { maxLength: 80 }), fc.array(commandArb, { maxLength: 80 }), (options, before, after) => {
        const original = new CircuitBreakerCore(options);
        const clock = { now: 0 };
        const running: Running[] = [];
        for (const c of before) apply(original, c, clock, running);
        const restored = new CircuitBreakerCore(options);
        restored.restore(JSON.parse(JSON.stringify(original.snapshot())));
        expect(restored.snapshot()).toEqual(original.snapshot());
        // Both cores see the same calls; a permit from the original stands for the restored core's equal one.
        const clockB = { now: clock.now };
        const runningB = [...running];
        for (const c of after) {
          const a = apply(original, c, clock, running);
          const permits = typeof a !== 'string' && a.permitted ? [a] : undefined;
          const b = apply(restored, c, clockB, runningB, permits);
          expect(b).toEqual(a);
          expect(restored.state).toBe(original.state);
          expect(restored.nextTimerAt()).toBe(original.nextTimerAt());
          expect(restored.counts(clock.now)).toEqual(original.counts(clock.now));
        }
        expect(restored.snapshot()).toEqual(original.snapshot());
      }),
    );
  });
});
