import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { retryStorm, type RetryStormParams } from '../../../simulations/scenarios/retry-storm.ts';

const defaults = defaultValues(retryStorm.params);
const run = (over: Partial<RetryStormParams>, seed: number) => retryStorm.run({ ...defaults, ...over }, seed);
const SEEDS = [1, 2, 3];

describe('retry-storm: the story at the default parameters (fixed seeds)', () => {
  it('without backoff or budget, goodput stays collapsed long after the spike', () => {
    for (const seed of SEEDS) {
      const s = run({}, seed).summary;
      expect(s.goodputBefore).toBeGreaterThan(0.9 * defaults.baseRate);
      expect(s.goodputAfter).toBeLessThan(0.1 * s.goodputBefore);
      expect(s.recovered).toBe(false);
      // Every request ends up making all its attempts: amplification near retries + 1 after the spike.
      expect(s.amplification).toBeGreaterThan(3);
    }
  });

  it('with a token-bucket retry budget, it recovers', () => {
    for (const seed of SEEDS) {
      const s = run({ budget: 'token-bucket' }, seed).summary;
      expect(s.recovered).toBe(true);
      expect(s.amplification).toBeLessThan(1.1);
    }
  });

  it('with the other budgets, or with cancellation of abandoned work, it recovers too', () => {
    for (const over of [{ budget: 'ratio-budget' }, { budget: 'retry-quota' }, { cancellation: true }] as const) {
      for (const seed of SEEDS) expect(run(over, seed).summary.recovered).toBe(true);
    }
  });

  it('backoff alone, even with jitter, does not end the storm of an open system: it delays retries, it does not remove them', () => {
    for (const backoff of ['exponential', 'full', 'decorrelated'] as const) {
      for (const seed of SEEDS) expect(run({ backoff }, seed).summary.recovered).toBe(false);
    }
  });

  it('without the spike there is no storm', () => {
    for (const seed of SEEDS) expect(run({ spikeDuration: 0 }, seed).summary.recovered).toBe(true);
  });
});

describe('retry-storm: result shape', () => {
  it('has a 1-second series over the run with the documented columns, and the spike for shading', () => {
    const r = run({}, 1);
    expect(r.series.bucketMs).toBe(1000);
    expect(Object.keys(r.series.columns).sort()).toEqual(['attempts', 'errors', 'goodput', 'inService', 'latencyP50', 'latencyP99', 'offered', 'queue', 'timeouts'].sort());
    for (const col of Object.values(r.series.columns)) expect(col).toHaveLength(defaults.duration);
    expect(r.spike).toEqual({ startMs: defaults.spikeStart * 1000, endMs: (defaults.spikeStart + defaults.spikeDuration) * 1000 });
    // The offered load follows the spike (Poisson counts: within 5 standard deviations of the rate).
    const offered = r.series.columns.offered;
    expect(Math.abs(offered[defaults.spikeStart + 1] - defaults.spikeRate)).toBeLessThan(5 * Math.sqrt(defaults.spikeRate));
    expect(Math.abs(offered[2] - defaults.baseRate)).toBeLessThan(5 * Math.sqrt(defaults.baseRate));
  });

  it('reports progress at most 101 times, ending at 1', () => {
    const calls: number[] = [];
    retryStorm.run(defaults, 1, { onProgress: (f) => calls.push(f) });
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toBe(1);
  });
});

describe('retry-storm: conservation and determinism', () => {
  it('same seed gives identical JSON; another seed does not', () => {
    const a = JSON.stringify(run({ budget: 'token-bucket', backoff: 'full' }, 5));
    expect(JSON.stringify(run({ budget: 'token-bucket', backoff: 'full' }, 5))).toBe(a);
    expect(JSON.stringify(run({ budget: 'token-bucket', backoff: 'full' }, 6))).not.toBe(a);
  });

  it('for any parameters, every request ends exactly once (the totals add up) and amplification stays within [1, retries + 1]', () => {
    const p = retryStorm.params;
    const params = fc.record({
      backoff: fc.constantFrom(...p.backoff.options),
      budget: fc.constantFrom(...p.budget.options),
      retries: fc.integer({ min: 0, max: 10 }),
      timeout: fc.integer({ min: 50, max: 3000 }),
      baseRate: fc.integer({ min: 10, max: 200 }),
      spikeRate: fc.integer({ min: 10, max: 600 }),
      spikeStart: fc.integer({ min: 1, max: 15 }),
      spikeDuration: fc.integer({ min: 0, max: 10 }),
      duration: fc.integer({ min: 10, max: 20 }),
      workers: fc.integer({ min: 1, max: 16 }),
      serviceTime: fc.integer({ min: 1, max: 100 }),
      contention: fc.double({ min: 0, max: 4, noNaN: true }),
      queueCapacity: fc.integer({ min: 1, max: 2000 }),
      cancellation: fc.boolean(),
      queueing: fc.constantFrom('fifo', 'lifo', 'drop-expired'),
    });
    fc.assert(
      fc.property(params, fc.integer({ min: 0, max: 2 ** 31 }), (params, seed) => {
        // run() itself throws a ConservationError when the ledger does not balance.
        const s = retryStorm.run(params, seed).summary;
        expect(s.succeeded + s.failed + s.rejected + s.timedOut + s.shed).toBe(s.requests);
        if (s.requests > 0) {
          expect(s.amplification).toBeGreaterThanOrEqual(1);
          expect(s.amplification).toBeLessThanOrEqual(params.retries + 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
