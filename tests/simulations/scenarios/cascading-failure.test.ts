import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakerDiagram } from '../../../src/resilience/circuit-breaker/index.ts';
import { defaultValues } from '../../../src/params/params.ts';
import { cascadingFailure, type CascadingFailureParams } from '../../../simulations/scenarios/cascading-failure.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

const defaults = defaultValues(cascadingFailure.params);
const run = (over: Partial<CascadingFailureParams>, seed: number) => cascadingFailure.run({ ...defaults, ...over }, seed);
const SEEDS = [1, 2, 3];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Independent goodput during the fault as a fraction of its level before it. */
const kept = (s: { independentGoodputDuring: number; independentGoodputBefore: number }) => s.independentGoodputDuring / s.independentGoodputBefore;

describe('cascading-failure: the story at the default parameters (fixed seeds)', () => {
  it('before the fault, A serves its independent traffic at the offered rate', () => {
    // 100 req/s for 20 s: a Poisson count of about 2000, sd ≈ 45, so the rate's sd ≈ 2.2 req/s; 5 sd.
    const independentRate = defaults.rate * (1 - defaults.dependentShare);
    for (const seed of SEEDS) {
      const s = run({}, seed).summary;
      expect(Math.abs(s.independentGoodputBefore - independentRate)).toBeLessThan(5 * Math.sqrt(independentRate / defaults.faultStart));
      expect(s.busyWorkersBefore).toBeLessThan(defaults.workers / 4);
    }
  });

  it('without protection, B slowing down takes all of A’s workers and A’s independent goodput collapses', () => {
    for (const seed of SEEDS) {
      const s = run({}, seed).summary;
      expect(s.busyWorkersDuring).toBeGreaterThan(0.95 * defaults.workers);
      expect(kept(s)).toBeLessThan(0.3);
      expect(s.shed).toBeGreaterThan(0);
    }
  });

  it.each([
    ['a timeout and a bulkhead', { timeout: 100, bulkhead: 10 }],
    ['a timeout alone', { timeout: 100 }],
    ['a bulkhead alone', { bulkhead: 10 }],
    ['a breaker (with its slow-call rule)', { breaker: true }],
    ['a breaker and a timeout', { breaker: true, timeout: 300 }],
  ] as const)('with %s, A’s independent goodput stays near its pre-fault level', (_, over) => {
    for (const seed of SEEDS) {
      const s = run(over, seed).summary;
      expect(kept(s)).toBeGreaterThan(0.9);
      expect(s.busyWorkersDuring).toBeLessThan(0.8 * defaults.workers);
    }
  });

  it('a hang without a timeout is invisible to a breaker: no call ever ends, so none fails, and A collapses', () => {
    for (const seed of SEEDS) {
      const r = run({ faultMode: 'hang', breaker: true }, seed);
      expect(r.states).toEqual([]);
      expect(kept(r.summary)).toBeLessThan(0.1);
      // A's workers, and its queue, wait forever: the run ends with them cut off as timed out.
      expect(r.summary.timedOut).toBe(defaults.workers + 50);
    }
  });

  it('a hang with a timeout and a bulkhead is contained', () => {
    for (const seed of SEEDS) expect(kept(run({ faultMode: 'hang', timeout: 100, bulkhead: 10 }, seed).summary)).toBeGreaterThan(0.9);
  });

  it('errors that come back fast do not cascade, even without protection', () => {
    for (const seed of SEEDS) {
      const s = run({ faultMode: 'errors' }, seed).summary;
      expect(kept(s)).toBeGreaterThan(0.95);
      expect(s.dependentGoodputDuring).toBeLessThan(1);
    }
  });

  it('the bulkhead trades dependent requests for independent ones: it refuses calls to B beyond its size', () => {
    for (const seed of SEEDS) {
      const s = run({ bulkhead: 10 }, seed).summary;
      expect(s.rejected).toBeGreaterThan(0);
      // Ten workers on 1 s calls: about 10 dependent requests served per second.
      expect(s.dependentGoodputDuring).toBeGreaterThan(8);
      expect(s.dependentGoodputDuring).toBeLessThan(10.5);
    }
  });
});

describe('cascading-failure: the breaker’s state timeline', () => {
  const edges = new Set(breakerDiagram().edges.map((e) => `${e.from} -${e.event}-> ${e.to}`));

  it('chains from closed along edges of the machine, in time order, for any parameters', () => {
    fc.assert(
      fc.property(paramsArbitrary(cascadingFailure.params, smallRunBounds['cascading-failure']), fc.nat(), (p, seed) => {
        const { states } = cascadingFailure.run({ ...p, breaker: true }, seed);
        let state = 'closed';
        let t = 0;
        for (const s of states) {
          expect(s.from).toBe(state);
          expect(s.t).toBeGreaterThanOrEqual(t);
          expect(edges.has(`${s.from} -${s.event}-> ${s.to}`)).toBe(true);
          state = s.to;
          t = s.t;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('in the default slow fault, the breaker trips within the first seconds of it (once slow calls end) and closes after it', () => {
    for (const seed of SEEDS) {
      const { states, fault } = run({ breaker: true }, seed);
      const trip = states.find((s) => s.event === 'trip')!;
      // Calls to B take 1 s more from the fault on; the slow-call rule needs 10 of them to end.
      expect(trip.t).toBeGreaterThan(fault.startMs + defaults.addedLatency);
      expect(trip.t).toBeLessThan(fault.startMs + defaults.addedLatency + 1000);
      expect(states.at(-1)).toMatchObject({ to: 'closed' });
      expect(states.at(-1)!.t).toBeGreaterThan(fault.endMs);
    }
  });
});

describe('cascading-failure: result shape', () => {
  it('1 s buckets over the run with the documented columns; the offered columns add up to the requests', () => {
    fc.assert(
      fc.property(paramsArbitrary(cascadingFailure.params, smallRunBounds['cascading-failure']), fc.nat(), (p, seed) => {
        const { series, summary, fault } = cascadingFailure.run(p, seed);
        expect(series.bucketMs).toBe(1000);
        expect(Object.keys(series.columns).sort()).toEqual(
          [
            'busyWorkers',
            'callsToB',
            'dependentGoodput',
            'dependentOffered',
            'failed',
            'independentGoodput',
            'independentLatencyP50',
            'independentLatencyP99',
            'independentOffered',
            'queue',
            'rejected',
            'shed',
          ].sort(),
        );
        for (const col of Object.values(series.columns)) expect(col).toHaveLength(p.duration);
        const c = series.columns;
        expect(sum(c.independentOffered) + sum(c.dependentOffered)).toBe(summary.requests);
        expect(sum(c.independentGoodput) + sum(c.dependentGoodput)).toBeLessThanOrEqual(summary.succeeded);
        expect(sum(c.callsToB)).toBeLessThanOrEqual(summary.callsToB);
        // No more calls to B than requests needing it: A calls B once per dependent request, at most.
        expect(summary.callsToB).toBeLessThanOrEqual(sum(c.dependentOffered));
        for (const b of c.busyWorkers) expect(b).toBeLessThanOrEqual(p.workers + 1e-9);
        expect(summary.busyWorkersDuring).toBeLessThanOrEqual(p.workers + 1e-9);
        expect(fault).toEqual({ startMs: p.faultStart * 1000, endMs: (p.faultStart + p.faultDuration) * 1000 });
        if (!p.breaker && p.bulkhead === 0) expect(summary.rejected).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('reports progress at most 101 times, ending at 1', () => {
    const calls: number[] = [];
    cascadingFailure.run(defaults, 1, { onProgress: (f) => calls.push(f) });
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toBe(1);
  });
});
