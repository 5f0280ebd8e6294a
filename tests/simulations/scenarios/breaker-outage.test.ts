import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakerDiagram } from '../../../src/resilience/circuit-breaker/index.ts';
import { defaultValues } from '../../../src/params/params.ts';
import { breakerOutage, type BreakerOutageParams } from '../../../simulations/scenarios/breaker-outage.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

const defaults = defaultValues(breakerOutage.params);
const run = (over: Partial<BreakerOutageParams>, seed: number) => breakerOutage.run({ ...defaults, ...over }, seed);
const SEEDS = [1, 2, 3];
const modes = ['errors', 'hang'] as const;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('breaker-outage: the story at the default parameters (fixed seeds)', () => {
  it.each(modes)('%s: the breaker cuts the calls reaching the dependency during the outage by a large factor', (outageMode) => {
    for (const seed of SEEDS) {
      const without = run({ outageMode, breaker: false }, seed).summary;
      const withBreaker = run({ outageMode }, seed).summary;
      // Without a breaker every request makes all 3 of its attempts: about 50 req/s · 15 s · 3, less
      // the attempts that spill past the ends of the window (a hung request lasts over 3 s).
      expect(without.callsDuringOutage).toBeGreaterThan(2 * defaults.rate * defaults.outageDuration);
      // With one: the calls before the trip (up to 1 s of them in a hang), then 3 probes per open period.
      expect(withBreaker.callsDuringOutage).toBeLessThan(without.callsDuringOutage / 10);
      if (outageMode === 'errors') expect(withBreaker.callsDuringOutage).toBeLessThan(without.callsDuringOutage / 50);
    }
  });

  it('errors, count window: the breaker trips once the window has seen enough failures, within the time 20 calls take', () => {
    // Count window of 20, minimum 10, threshold 50%: at least 10 failures, at most 20 (a window
    // full of failures). Failures come at >= 50 per second (first tries alone), each one service time
    // (~20 ms) after it left: 20 of them within 1 s by a wide margin (a Gamma(20, 50/s) wait is
    // 0.4 s ± 0.09 s).
    for (const seed of SEEDS) {
      const s = run({}, seed).summary;
      expect(s.detectionTime).toBeGreaterThan(0);
      expect(s.detectionTime).toBeLessThan(1000);
    }
  });

  it('hang: no failure can be seen before the timeout, so detection takes at least the timeout, and not much more', () => {
    for (const timeout of [300, 1000, 3000]) {
      for (const seed of SEEDS) {
        const s = run({ outageMode: 'hang', timeout }, seed).summary;
        expect(s.detectionTime).toBeGreaterThanOrEqual(timeout);
        // Then the first 20 hung calls time out within about 0.4 s of one another (as above).
        expect(s.detectionTime).toBeLessThan(timeout + 1000);
      }
    }
  });

  it('errors, time window: the failures must outvote the successes still in the window, which takes about half of it', () => {
    // Without retries, failures arrive at the rate successes did. t seconds into the outage a window of
    // W seconds (in 1 s buckets) holds about 50·t failures and 50·(W − t) successes: the 50% threshold
    // is reached near t = W/2, and by t = W + 1 s at the latest (only outage calls left).
    for (const windowDuration of [4, 10, 20]) {
      for (const seed of SEEDS) {
        const s = run({ window: 'time', windowDuration, retries: 0 }, seed).summary;
        expect(s.detectionTime).toBeGreaterThan(0.3 * windowDuration * 1000);
        expect(s.detectionTime).toBeLessThan((windowDuration + 1) * 1000);
      }
    }
  });

  it.each(modes)('%s: after the outage the breaker closes within one open period (plus a timed-out probe), and stays closed', (outageMode) => {
    for (const seed of SEEDS) {
      const r = run({ outageMode }, seed);
      // Probes sent just before the end fail (hang: at their timeout) and reopen it for one more open
      // period; then the next caller (every 20 ms on average) is a probe that succeeds.
      expect(r.summary.recoveryTime).toBeGreaterThanOrEqual(0);
      expect(r.summary.recoveryTime).toBeLessThan(defaults.openDuration + defaults.timeout + 500);
      expect(r.states.at(-1)).toMatchObject({ to: 'closed', event: 'probe-succeeded' });
      // Without a breaker, the very next request succeeds.
      expect(run({ outageMode, breaker: false }, seed).summary.recoveryTime).toBeLessThan(500);
    }
  });

  it('hang: the breaker turns slow failures into fast ones for the callers', () => {
    for (const seed of SEEDS) {
      const without = run({ outageMode: 'hang', breaker: false }, seed).summary;
      const withBreaker = run({ outageMode: 'hang' }, seed).summary;
      // Without it, a failed request waited out 3 timeouts and 2 backoffs: p99 above 3 s.
      expect(without.callerLatencyP99).toBeGreaterThan(3 * defaults.timeout);
      expect(withBreaker.callerLatencyP99).toBeLessThan(without.callerLatencyP99 / 2);
    }
  });

  it('without an outage, or without a breaker, there is nothing to detect', () => {
    const noOutage = run({ outageDuration: 0 }, 1);
    expect(noOutage.summary).toMatchObject({ callsDuringOutage: 0, detectionTime: -1, timesOpened: 0, callerErrors: 0 });
    expect(noOutage.states).toEqual([]);
    const noBreaker = run({ breaker: false }, 1);
    expect(noBreaker.summary).toMatchObject({ detectionTime: -1, timesOpened: 0, rejected: 0 });
    expect(noBreaker.states).toEqual([]);
  });
});

describe('breaker-outage: the state timeline', () => {
  const edges = new Set(breakerDiagram().edges.map((e) => `${e.from} -${e.event}-> ${e.to}`));

  it('the transitions chain from closed (each from is the previous to), in time order, along edges of the machine, for any parameters', () => {
    fc.assert(
      fc.property(paramsArbitrary(breakerOutage.params, smallRunBounds['breaker-outage']), fc.nat(), (p, seed) => {
        const { states, summary } = breakerOutage.run({ ...p, breaker: true }, seed);
        let state = 'closed';
        let t = 0;
        for (const s of states) {
          expect(s.from).toBe(state);
          expect(s.t).toBeGreaterThanOrEqual(t);
          expect(edges.has(`${s.from} -${s.event}-> ${s.to}`), `${s.from} -${s.event}-> ${s.to}`).toBe(true);
          state = s.to;
          t = s.t;
        }
        expect(summary.timesOpened).toBe(states.filter((s) => s.to === 'open').length);
      }),
      { numRuns: 200 },
    );
  });

  it('the default run takes the whole cycle: trip, failed probes while the outage lasts, then a successful one', () => {
    const { states, outage } = run({}, 1);
    expect(states.map((s) => s.event)).toEqual(['trip', 'open-timeout-elapsed', 'probe-failed', 'open-timeout-elapsed', 'probe-failed', 'open-timeout-elapsed', 'probe-succeeded']);
    expect(states[0].t).toBeGreaterThanOrEqual(outage.startMs);
    // Open periods last the open duration at least (half-open comes on the first call strictly after it).
    for (let i = 1; i < states.length; i++) if (states[i].from === 'open') expect(states[i].t - states[i - 1].t).toBeGreaterThan(defaults.openDuration);
    expect(states.at(-1)!.t).toBeGreaterThanOrEqual(outage.endMs);
  });
});

describe('breaker-outage: result shape', () => {
  it('500 ms buckets over the run with the documented columns; offered adds up to the requests', () => {
    fc.assert(
      fc.property(paramsArbitrary(breakerOutage.params, smallRunBounds['breaker-outage']), fc.nat(), (p, seed) => {
        const { series, summary, outage } = breakerOutage.run(p, seed);
        expect(series.bucketMs).toBe(500);
        expect(Object.keys(series.columns).sort()).toEqual(['dependencyCalls', 'errorRate', 'errors', 'latencyP50', 'latencyP99', 'offered', 'rejected', 'successes'].sort());
        for (const col of Object.values(series.columns)) expect(col).toHaveLength(p.duration * 2);
        // Rates per second in 0.5 s buckets; every request starts before the run's length.
        expect(sum(series.columns.offered) / 2).toBe(summary.requests);
        expect(sum(series.columns.dependencyCalls) / 2).toBeLessThanOrEqual(summary.dependencyCalls);
        expect(sum(series.columns.successes) / 2).toBeLessThanOrEqual(summary.succeeded);
        for (const r of series.columns.errorRate) if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        expect(outage).toEqual({ startMs: p.outageStart * 1000, endMs: (p.outageStart + p.outageDuration) * 1000 });
        expect(summary.callerErrors).toBe(summary.requests - summary.succeeded);
        expect(summary.callsDuringOutage).toBeLessThanOrEqual(summary.dependencyCalls);
      }),
      { numRuns: 200 },
    );
  });

  it('the default run stays small (a few thousand requests) for a browser to run it', () => {
    const { summary } = run({}, 1);
    expect(summary.requests).toBeGreaterThan(2000);
    expect(summary.requests).toBeLessThan(5000);
  });

  it('reports progress at most 101 times, ending at 1', () => {
    const calls: number[] = [];
    breakerOutage.run(defaults, 1, { onProgress: (f) => calls.push(f) });
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toBe(1);
  });
});
