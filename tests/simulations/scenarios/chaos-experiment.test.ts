import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../src/resilience/index.ts';
import { defaultValues } from '../../../src/params/params.ts';
import { chaosExperiment, chaosExperimentFor, type ChaosExperimentParams } from '../../../simulations/scenarios/chaos-experiment.ts';

const defaults = defaultValues(chaosExperiment.params);
const run = (over: Partial<ChaosExperimentParams>, seed: number) => chaosExperiment.run({ ...defaults, ...over }, seed);
const SEEDS = [1, 2, 3];
/** A short run: 20 s, the fault from 5 s to 15 s. */
const short: Partial<ChaosExperimentParams> = { duration: 20, faultStart: 5, faultDuration: 10 };

describe('chaos-experiment: abort conditions', () => {
  it('aborts within one probe interval of a breached guard, wherever the fault starts (errors on every host of A)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 15 }), fc.integer({ min: 0, max: 1000 }), (faultStart, seed) => {
        const r = run({ ...short, fault: 'errors', faultRate: 1, target: 'a', blastRadius: 1, abortBelow: 0.5, faultStart }, seed);
        expect(r.summary.aborted).toBe(true);
        const breachFrom = faultStart * 1000;
        expect(r.summary.abortedAt).toBeGreaterThan(breachFrom);
        expect(r.summary.abortedAt - breachFrom).toBeLessThanOrEqual(1000);
        expect(r.verdict).toMatchObject({ status: 'aborted', reason: 'guard', probe: 'guard-success-rate' });
      }),
      { numRuns: 20 },
    );
  });

  it('stops the fault at once when it aborts: the rollback runs then, and the windows after it are healthy again', () => {
    for (const seed of SEEDS) {
      const r = run({ ...short, fault: 'errors', faultRate: 1, target: 'store', blastRadius: 1, abortBelow: 0.5 }, seed);
      expect(r.abortedAtMs).toBe(6000);
      expect(r.rollbacks).toEqual([{ name: 'remove-faults-from-store', target: 'store', atMs: 6000 }]);
      // Requests in flight at the abort may still fail; from the second window on, all is well.
      const after = r.windows.filter((w) => w.startMs >= r.abortedAtMs! + 1000);
      expect(after.length).toBeGreaterThan(10);
      for (const w of after) expect(w.probes[0].value).toBeGreaterThanOrEqual(0.99);
      expect(r.series.columns.guard.filter((g) => g !== null)).toHaveLength(1);
    }
  });

  it('without a guard, the same fault runs its course and refutes the hypothesis instead', () => {
    const r = run({ ...short, fault: 'errors', faultRate: 1, target: 'store', blastRadius: 1, abortBelow: 0 }, 1);
    expect(r.summary).toMatchObject({ aborted: false, hypothesisHeld: false, refutedAt: 6000 });
    expect(r.abortBelow).toBeNull();
  });
});

describe('chaos-experiment: the defences decide the verdict (fixed seeds)', () => {
  it('errors on 3 of the store’s 10 hosts: refuted without retries, held with retries under a budget', () => {
    for (const seed of SEEDS) {
      const over = { fault: 'errors', target: 'store', faultRate: 0.5, blastRadius: 0.3 } as const;
      expect(run({ ...over, retries: false }, seed).summary.hypothesisHeld).toBe(false);
      expect(run({ ...over, retries: true }, seed).summary.hypothesisHeld).toBe(true);
    }
  });

  it('the same errors in the store: retries held the hypothesis on every hop; at the edge only, it is refuted (seeds 1–3)', () => {
    for (const seed of SEEDS) {
      const over = { fault: 'errors', target: 'store', faultRate: 0.5, blastRadius: 0.3, retries: true } as const;
      expect(run({ ...over, defendedHops: 'all' }, seed).summary.hypothesisHeld).toBe(true);
      expect(run({ ...over, defendedHops: 'edge' }, seed).summary.hypothesisHeld).toBe(false);
    }
  });

  it('a capacity drop on A without timeouts shows up as latency: refuted by p99, not by errors', () => {
    for (const seed of SEEDS) {
      const r = run({ fault: 'capacity-drop', target: 'a', capacityRemaining: 0.25, blastRadius: 0.3, timeouts: false, retries: false }, seed);
      expect(r.verdict).toMatchObject({ status: 'refuted', probe: 'p99' });
      expect(r.summary.p99).toBeGreaterThan(defaults.sloP99);
    }
  });

  it('a fallback on every hop masks the fault: every request is answered, some of them degraded', () => {
    const r = run({ fault: 'resets', target: 'a', faultRate: 0.8, blastRadius: 0.3, fallback: true }, 1);
    expect(r.summary.successRate).toBe(1);
    expect(r.summary.degraded).toBeGreaterThan(0);
  });
});

describe('chaos-experiment: result shape and determinism', () => {
  it('gives the same verdict, windows and summary on the same seed', () => {
    for (const over of [{}, { fault: 'resets', target: 'a' }, { fault: 'capacity-drop', target: 'store', breaker: true, bulkhead: true }] as const) {
      expect(JSON.stringify(run(over, 5))).toBe(JSON.stringify(run(over, 5)));
    }
  });

  it('runs the experiment the params describe, a valid experiment file, with the blast radius in whole hosts', () => {
    const p = { ...defaults, blastRadius: 0.3 };
    const e = chaosExperimentFor(p);
    expect(parseExperiment(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, experiment: e });
    const r = chaosExperiment.run(p, 1);
    expect(r.experiment).toEqual(e);
    expect(r.summary.blastRadius).toBe(0.3);
    expect(r.fault).toEqual({ startMs: defaults.faultStart * 1000, endMs: (defaults.faultStart + defaults.faultDuration) * 1000 });
  });

  it('has one probe window per second, the hypothesis band and the guard line for the chart', () => {
    const r = run({}, 1);
    expect(r.series.bucketMs).toBe(1000);
    for (const col of Object.values(r.series.columns)) expect(col).toHaveLength(defaults.duration);
    expect(r.hypothesis).toEqual({ successRate: [defaults.sloSuccessRate, null], p99: [null, defaults.sloP99] });
    expect(r.abortBelow).toBe(defaults.abortBelow);
    // The guard is read only while the fault is on.
    const guardWindows = r.series.columns.guard.flatMap((g, i) => (g === null ? [] : [i]));
    expect(guardWindows).toEqual(Array.from({ length: defaults.faultDuration }, (_, i) => defaults.faultStart + i));
  });

  it('clips a fault that would outlast the run', () => {
    const r = run({ duration: 10, faultStart: 8, faultDuration: 60 }, 1);
    expect(r.fault).toEqual({ startMs: 8000, endMs: 10_000 });
  });
});
