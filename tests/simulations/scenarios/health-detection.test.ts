import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worstCaseDetectionMs } from '../../../src/resilience/health/index.ts';
import { defaultValues } from '../../../src/params/params.ts';
import { healthDetection, type HealthDetectionParams } from '../../../simulations/scenarios/health-detection.ts';
import { expectedActiveDetectionMs } from '../../../simulations/theory/health-check-detection.ts';
import { meanAndStandardError } from './stats.ts';

const defaults = defaultValues(healthDetection.params);
const run = (p: Partial<HealthDetectionParams>, seed = 1) => healthDetection.run({ ...defaults, ...p }, seed);
const PROBE_MS = 2;

describe('health-detection: detection time against the thresholds and the interval', () => {
  it('every failure is detected by the checks, no sooner than the thresholds allow and no later than unhealthyThreshold × max(interval + jitter, timeout) + timeout', () => {
    fc.assert(
      fc.property(
        fc.record({
          interval: fc.integer({ min: 100, max: 2000 }),
          timeout: fc.integer({ min: 10, max: 2000 }),
          unhealthyThreshold: fc.integer({ min: 1, max: 5 }),
          healthyThreshold: fc.integer({ min: 1, max: 3 }),
          jitter: fc.integer({ min: 0, max: 500 }),
          failureMode: fc.constantFrom('hang' as const, 'refuse' as const),
          flakyErrorRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        }),
        fc.nat(),
        (p, seed) => {
          const r = run({ ...p, failures: 4, rate: 20 }, seed);
          const s = r.summary;
          expect(s.undetected).toBe(0);
          expect(s.detectedByChecks).toBe(4);
          expect(s.detectionBound).toBe(worstCaseDetectionMs({ ...p, intervalMs: p.interval, timeoutMs: p.timeout, intervalJitterMs: p.jitter }));
          // The U failing checks are at least an interval apart (a timeout apart when they hang), and the last one's verdict takes a timeout (hang) or the probe's latency (refuse).
          const hang = p.failureMode === 'hang';
          const floor = (p.unhealthyThreshold - 1) * (hang ? Math.max(p.interval, p.timeout) : p.interval) + (hang ? p.timeout : PROBE_MS);
          for (const t of r.detectionTimes) {
            expect(t).not.toBeNull();
            expect(t!).toBeLessThanOrEqual(s.detectionBound + 1e-9);
            expect(t!).toBeGreaterThanOrEqual(floor - 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  // Tolerance: 10 runs of 30 failures each; a run's mean detection time is one
  // independent draw, so the sample sd of the 10 run means / √10 is the standard
  // error of their mean, which must be within 4 of them of the theory (two-sided
  // p ≈ 0.003 under a t distribution with 9 degrees of freedom), and the standard
  // error itself below 2% of the theory, so the check is a tight one.
  it.each([
    { name: 'hang, jitter 100 ms (defaults)', p: {} },
    { name: 'hang, no jitter', p: { jitter: 0 } },
    { name: 'hang, timeout longer than the interval', p: { interval: 500, timeout: 700, jitter: 400 } },
    { name: 'refuse, large jitter, threshold 5', p: { failureMode: 'refuse' as const, jitter: 1000, unhealthyThreshold: 5 } },
  ])('mean detection time agrees with the theory: $name', ({ p }) => {
    const runs = Array.from({ length: 10 }, (_, i) => run({ ...p, failures: 30, flakyErrorRate: 0 }, 40 + i).summary);
    const { mean, se } = meanAndStandardError(runs.map((s) => s.detectionTimeMean));
    const full = { ...defaults, ...p };
    const theory = expectedActiveDetectionMs(
      {
        intervalMs: full.interval,
        timeoutMs: full.timeout,
        healthyThreshold: full.healthyThreshold,
        unhealthyThreshold: full.unhealthyThreshold,
        intervalJitterMs: full.jitter,
      },
      full.failureMode,
      PROBE_MS,
    );
    expect(runs[0].expectedDetectionTime).toBeCloseTo(theory, 9);
    expect(se).toBeLessThan(0.02 * theory);
    expect(Math.abs(mean - theory)).toBeLessThan(4 * se);
  });

  it('theory: without jitter a hanging host is found after interval/2 + (U − 1)·max(interval, timeout) + timeout on average', () => {
    const o = { intervalMs: 1000, timeoutMs: 300, healthyThreshold: 2, unhealthyThreshold: 3 };
    expect(expectedActiveDetectionMs(o, 'hang', 2)).toBeCloseTo(500 + 2 * 1000 + 300, 9);
    expect(expectedActiveDetectionMs({ ...o, timeoutMs: 1500 }, 'hang', 2)).toBeCloseTo(500 + 2 * 1500 + 1500, 9);
    expect(expectedActiveDetectionMs(o, 'refuse', 2)).toBeCloseTo(500 + 2 * 1000 + 2, 9);
    // Never above the worst case.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 10 }),
        (i, t, j, u) => {
          const opts = { intervalMs: i, timeoutMs: t, intervalJitterMs: j, healthyThreshold: 1, unhealthyThreshold: u };
          expect(expectedActiveDetectionMs(opts, 'hang', 2)).toBeLessThanOrEqual(worstCaseDetectionMs(opts) + 1e-9);
        },
      ),
    );
  });
});

describe('health-detection: passive checks, errors before detection, false ejections', () => {
  it('outlier detection finds a backend that refuses connections far sooner than active checks do', () => {
    const active = run({ failureMode: 'refuse', flakyErrorRate: 0 }).summary;
    const both = run({ failureMode: 'refuse', flakyErrorRate: 0, outlierDetection: true }).summary;
    // 5 refusals in a row at 20 req/s per backend take about 250 ms; the checks need about 2.6 s.
    expect(both.detectedByOutlierDetection).toBe(both.failures);
    expect(both.detectionTimeMean).toBeLessThan(active.detectionTimeMean / 4);
    expect(both.errorsBeforeDetection).toBeLessThan(active.errorsBeforeDetection / 4);
  });

  it('errors served before detection are the failing backend’s share of the traffic over the detection time', () => {
    // Round robin over 5 backends sends it every 5th request. Arrivals are Poisson at `rate`, so over a
    // detection time D it gets about A/5 requests, A ~ Poisson(rate·D): variance rate·D/25 around
    // (rate/5)·D. Over F failures the mean's standard error is sqrt(rate·mean D/25/F), and the
    // mean must be within 4 of them (plus one request for the rotation's phase).
    const failures = 30;
    const rate = 100;
    const s = run({ failures, flakyErrorRate: 0, rate, backends: 5 }, 3).summary;
    const meanD = s.detectionTimeMean / 1000;
    const se = Math.sqrt((rate * meanD) / 25 / failures);
    expect(Math.abs(s.errorsBeforeDetection - (rate / 5) * meanD)).toBeLessThan(4 * se + 1);
  });

  it('a healthy backend is never taken out, and a flaky one is taken out less the higher the unhealthy threshold', () => {
    for (const outlierDetection of [false, true]) {
      const s = run({ flakyErrorRate: 0, outlierDetection }, 2).summary;
      expect(s.flakyRemovals, `outlierDetection ${outlierDetection}`).toBe(0);
      expect(s.flakyOutFraction).toBe(0);
    }
    // A check fails with probability 0.4: a threshold of 1 takes it out at every other check or so, 5 needs 0.4^5 ≈ 1%.
    const strict = run({ flakyErrorRate: 0.4, unhealthyThreshold: 1 }, 2).summary;
    const lenient = run({ flakyErrorRate: 0.4, unhealthyThreshold: 5 }, 2).summary;
    expect(strict.flakyRemovals).toBeGreaterThan(5 * Math.max(1, lenient.flakyRemovals));
    expect(strict.flakyOutFraction).toBeGreaterThan(lenient.flakyOutFraction);
  });

  it('the timeline shows the first failure: failing checks, the threshold crossing, traffic moving away and coming back', () => {
    const r = run({ flakyErrorRate: 0 }, 4);
    const t = r.timeline;
    expect(t.failures.length).toBe(1);
    const [{ startMs, endMs }] = t.failures;
    expect(t.roles).toEqual(['fails', 'flaky', 'steady', 'steady', 'steady']);
    // Checks of the failing backend fail exactly when they start inside the outage.
    for (const c of t.checks.filter((c) => c.host === 0)) expect(c.ok).toBe(c.t < startMs || c.t >= endMs);
    const out = t.events.find((e) => e.host === 0 && e.kind === 'unhealthy')!;
    const back = t.events.find((e) => e.host === 0 && e.kind === 'healthy')!;
    expect(out.t - startMs).toBeCloseTo(r.detectionTimes[0]!, 9);
    expect(back.t).toBeGreaterThan(endMs);
    expect(back.t).toBeLessThan(t.endMs);
    const { bucketMs, perHost } = t.share;
    const bucket = (ms: number) => Math.floor(ms / bucketMs);
    // Before the failure the failing backend gets its fifth; while out, nothing; and shares always add up.
    expect(perHost[0].slice(0, bucket(startMs)).reduce((a, b) => a + b, 0) / bucket(startMs)).toBeCloseTo(0.2, 1);
    for (let b = bucket(out.t) + 1; b < bucket(back.t); b++) expect(perHost[0][b]).toBe(0);
    for (let b = 0; b < perHost[0].length; b++) {
      const total = perHost.reduce((a, col) => a + col[b], 0);
      if (total > 0) expect(total).toBeCloseTo(1, 9);
    }
  });
});

describe('health-detection: the run lasts until the last failure is over', () => {
  // Found by the property above: at 20 req/s a lull of ~300 ms before the last
  // failure was detected ended the run (nothing in flight, no more arrivals)
  // while its checks were still due, and the failure counted as undetected.
  it('a lull in sparse traffic during the last failure does not end the run early', () => {
    const p = { interval: 107, timeout: 17, unhealthyThreshold: 3, healthyThreshold: 2, jitter: 4, failureMode: 'refuse' as const, flakyErrorRate: 0 };
    const r = run({ ...p, failures: 4, rate: 20 }, 29);
    expect(r.summary.undetected).toBe(0);
    expect(r.detectionTimes.every((t) => t !== null && t <= r.summary.detectionBound)).toBe(true);
  });
});
