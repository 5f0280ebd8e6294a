import { describe, expect, it } from 'vitest';
import { worstCaseDetectionMs } from '../../../src/resilience/health/index.ts';
import { defaultValues } from '../../../src/params/params.ts';
import {
  heterogeneousAlgorithms,
  heterogeneousHealthCheck,
  lbHeterogeneous,
  type LbHeterogeneousParams,
} from '../../../simulations/scenarios/lb-heterogeneous.ts';

const defaults = defaultValues(lbHeterogeneous.params);
/** No fault, half load: the weights and the balancers alone decide. */
const healthy: LbHeterogeneousParams = { ...defaults, fault: 'none', utilization: 0.5, duration: 30 };

const run = (p: Partial<LbHeterogeneousParams>, seed = 1) => lbHeterogeneous.run({ ...defaults, ...p }, seed);

describe('lb-heterogeneous', () => {
  it('weighted algorithms send each group its share of the speed: 4/7 fast, 2/7 normal, 1/7 slow with speed ratio 2', () => {
    // Smooth weighted round robin is exact up to one cycle; weighted random is Binomial(N, p) per
    // group, so it must be within 4 standard errors sqrt(p(1 − p)/N) of each share.
    const expected = { fastShare: 4 / 7, normalShare: 2 / 7, slowShare: 1 / 7 };
    const swrr = lbHeterogeneous.run({ ...healthy, algorithm: 'smooth-weighted-round-robin' }, 1);
    const sent = swrr.backends.reduce((a, b) => a + b.requests, 0);
    for (const [k, p] of Object.entries(expected)) expect(Math.abs(swrr.summary[k as keyof typeof expected] - p), k).toBeLessThan(7 / sent);
    const wr = lbHeterogeneous.run({ ...healthy, algorithm: 'weighted-random' }, 1).summary;
    for (const [k, p] of Object.entries(expected)) expect(Math.abs(wr[k as keyof typeof expected] - p), k).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / sent));
  });

  it('round robin and random ignore speed (a third to each group) and overload the slow backends; load-aware balancers do not', () => {
    const p = { ...defaults, fault: 'none' as const };
    const rr = run({ ...p, algorithm: 'round-robin' }).summary;
    expect(rr.slowShare).toBeCloseTo(1 / 3, 2);
    // At 70% of the total capacity, a third of the traffic is 1.4× what the slow third can serve.
    expect(rr.errorRate).toBeGreaterThan(0.1);
    for (const algorithm of ['least-outstanding', 'least-request', 'peak-ewma'] as const) {
      const s = run({ ...p, algorithm }).summary;
      expect(s.slowShare, algorithm).toBeLessThan(0.25);
      expect(s.errorRate, algorithm).toBeLessThan(rr.errorRate / 5);
      expect(s.latencyP99, algorithm).toBeLessThan(rr.latencyP99);
    }
  });

  it('two algorithms on the same seed meet exactly the same arrivals (a fair A/B comparison)', () => {
    const offered = heterogeneousAlgorithms.map((algorithm) => run({ algorithm, healthChecks: true }, 5));
    for (const r of offered) {
      expect(r.series.columns.offered).toEqual(offered[0].series.columns.offered);
      expect(r.summary.requests).toBe(offered[0].summary.requests);
    }
  });

  it('a backend that fails fast attracts traffic to least-request (it looks idle), and outlier detection cuts it off', () => {
    const p = { fault: 'fail-fast' as const, algorithm: 'least-request' as const };
    const blind = run(p);
    const watched = run({ ...p, outlierDetection: true });
    expect(blind.summary.faultyShare).toBeGreaterThan(blind.summary.faultyFairShare);
    expect(watched.summary.faultyShare).toBeLessThan(blind.summary.faultyShare / 2);
    // Errors at the faulty backend almost vanish; overall errors fall less, because the other
    // backends now carry 392 req/s on 400 req/s of capacity and queue up.
    expect(watched.backends[0].errors).toBeLessThan(blind.backends[0].errors / 4);
    expect(watched.summary.errorRate).toBeLessThan(blind.summary.errorRate);
    expect(watched.summary.removals).toBeGreaterThan(0);
  });

  it('a hanging backend is taken out by active health checks within their worst-case detection time, and gets no traffic while out', () => {
    const r = run({ fault: 'hang', algorithm: 'round-robin', healthChecks: true });
    const out = r.rotation.find((e) => e.host === 0 && e.kind === 'unhealthy');
    expect(out).toBeDefined();
    expect(out!.t).toBeGreaterThanOrEqual(r.fault.startMs);
    expect(out!.t - r.fault.startMs).toBeLessThanOrEqual(worstCaseDetectionMs(heterogeneousHealthCheck));
    const back = r.rotation.find((e) => e.host === 0 && e.kind === 'healthy' && e.t > out!.t);
    expect(back).toBeDefined();
    expect(back!.t).toBeGreaterThanOrEqual(r.fault.endMs);
    // Whole buckets between the two: not a single request.
    const first = Math.ceil(out!.t / r.series.bucketMs);
    const last = Math.floor(back!.t / r.series.bucketMs);
    expect(last).toBeGreaterThan(first);
    for (let i = first; i < last; i++) expect(r.series.perHost[0][i]).toBe(0);
  });

  it('the books balance: shares sum to 1, per-host series add up to the requests sent, errors to the requests that failed', () => {
    for (const p of [{}, { fault: 'hang' as const, healthChecks: true, outlierDetection: true, algorithm: 'peak-ewma' as const }]) {
      const r = run(p, 9);
      const sent = r.backends.reduce((a, b) => a + b.requests, 0);
      expect(r.backends.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 12);
      expect(r.summary.fastShare + r.summary.normalShare + r.summary.slowShare).toBeCloseTo(1, 12);
      const perSecondToCount = r.series.bucketMs / 1000;
      const fromSeries = r.series.perHost.reduce((a, col) => a + col.reduce((x, y) => x + y, 0) * perSecondToCount, 0);
      // Every request is sent before the run's end, so the series holds them all.
      expect(fromSeries).toBeCloseTo(sent, 6);
      expect(sent).toBe(r.summary.requests - r.summary.rejected);
      expect(r.backends.reduce((a, b) => a + b.errors, 0)).toBe(r.summary.requests - r.summary.succeeded - r.summary.rejected);
      expect(r.summary.errorRate).toBeCloseTo((r.summary.requests - r.summary.succeeded) / r.summary.requests, 12);
    }
  });

  it('no fault: the fault window is empty and the faulty share is 0', () => {
    const r = run({ fault: 'none' });
    expect(r.fault).toEqual({ startMs: 0, endMs: 0 });
    expect(r.summary.faultyShare).toBe(0);
    expect(r.summary.faultyFairShare).toBeCloseTo(2 / 7, 12);
  });
});
