import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { hedgingScenario, type HedgingParams } from '../../../simulations/scenarios/hedging.ts';
import { hiccupHedgedLatency, hiccupQuantile } from '../../../simulations/theory/hedging-hiccup.ts';

const base: HedgingParams = defaultValues(hedgingScenario.params);
const quantileAt = (r: ReturnType<typeof hedgingScenario.run>, p: number) => r.quantiles.find((q) => q.p === p)!.ms;

describe('hedging scenario against the hiccup model', () => {
  it('without hedging the quantiles are exact: p50 = fast, p99 = p999 = slow once more than 1 % of attempts are slow', () => {
    const r = hedgingScenario.run({ ...base, hedgeDelay: 0, slowFraction: 0.05, requests: 20_000 }, 3);
    expect(r.summary.p50).toBe(base.fastMs);
    expect(r.summary.p99).toBe(base.slowMs);
    expect(r.summary.p999).toBe(base.slowMs);
    expect(r.summary.extraLoad).toBe(0);
    expect(r.summary.cancelled).toBe(0);
  });

  it('with 1 % of slow attempts or fewer, p99 stays fast without hedging and p999 is slow', () => {
    const r = hedgingScenario.run({ ...base, hedgeDelay: 0, slowFraction: 0.005, requests: 20_000 }, 4);
    expect(r.summary.p99).toBe(base.fastMs);
    expect(r.summary.p999).toBe(base.slowMs);
  });

  it.each([
    [2, 50, 0.05],
    [3, 50, 0.1],
    [2, 200, 0.2],
  ])(
    'with %i attempts hedged after %i ms (slow fraction %f, unlimited workers) every quantile is the theory’s, and slow requests are slowFraction^k',
    (maxAttempts, hedgeDelay, slowFraction) => {
      const requests = 40_000;
      const r = hedgingScenario.run({ ...base, maxAttempts, hedgeDelay, slowFraction, requests }, 7);
      const theory = hiccupHedgedLatency({ fastMs: base.fastMs, slowMs: base.slowMs, slowFraction, delayMs: hedgeDelay, maxAttempts });
      // Quantile levels more than 4 binomial standard errors away from a step of the theoretical CDF are exact.
      let cumulative = 0;
      const steps = theory.atoms.map((a) => (cumulative += a.p));
      let checked = 0;
      for (const { p, ms } of r.quantiles) {
        const margin = 4 * Math.sqrt((p * (1 - p)) / requests) + 1 / requests;
        if (steps.some((s) => Math.abs(s - p) < margin) || p === 0 || p === 1) continue;
        expect(ms, `quantile ${p}`).toBe(hiccupQuantile(theory, p));
        checked++;
      }
      expect(checked).toBeGreaterThan(90);
      // The share of requests that stay slow: every one of their k attempts hit a hiccup.
      const slowShare = theory.atoms.find((a) => a.ms === base.slowMs)?.p ?? 0;
      expect(slowShare).toBeCloseTo(slowFraction ** maxAttempts, 12);
      // Extra load: E[attempts] − 1, within 4 standard errors (attempts per request are at most maxAttempts).
      const se = (maxAttempts - 1) / Math.sqrt(requests);
      expect(Math.abs(r.summary.extraLoad - (theory.meanAttempts - 1))).toBeLessThan(4 * se);
      // No failures: each request has one winner, and every other attempt was cancelled.
      expect(r.summary.cancelled).toBe(r.summary.hedges);
      expect(r.summary.succeeded).toBe(requests);
    },
  );

  it('never sends more than maxAttempts per request, and a budget caps the extra load', () => {
    const free = hedgingScenario.run({ ...base, hedgePercentile: 50, maxAttempts: 3, latency: 'lognormal', requests: 5000 }, 2);
    expect(free.summary.extraLoad).toBeLessThanOrEqual(2);
    expect(free.summary.extraLoad).toBeGreaterThan(0.3);
    const capped = hedgingScenario.run({ ...base, hedgePercentile: 50, maxAttempts: 3, latency: 'lognormal', requests: 5000, budget: 'ratio' }, 2);
    // The ratio budget allows 10 % of the requests of the last 10 s as hedges.
    expect(capped.summary.extraLoad).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(capped.summary.budgetDenied).toBeGreaterThan(0);
  });

  it('an overloaded server with a ratio budget: each request is refused a hedge at most once, however long it queues', () => {
    const r = hedgingScenario.run({ ...base, workers: 1, rate: 2000, budget: 'ratio' }, 1);
    expect(r.summary.hedges).toBeGreaterThan(0);
    expect(r.summary.budgetDenied).toBeGreaterThan(0);
    expect(r.summary.budgetDenied).toBeLessThanOrEqual(r.summary.requests);
  });

  it('gRPC’s throttle only reacts to failures: with 20 % errors it refuses hedges and requests fail', () => {
    const r = hedgingScenario.run({ ...base, errorRate: 0.2, budget: 'token-bucket', requests: 3000 }, 5);
    expect(r.summary.budgetDenied).toBeGreaterThan(0);
    expect(r.summary.failed).toBeGreaterThan(0);
    const unthrottled = hedgingScenario.run({ ...base, errorRate: 0.2, requests: 3000 }, 5);
    expect(unthrottled.summary.failed).toBeLessThan(r.summary.failed);
  });

  it('gives a CDF: quantile levels ascending from 0 to 1 with latencies that never decrease', () => {
    const r = hedgingScenario.run(base, 1);
    for (let i = 1; i < r.quantiles.length; i++) {
      expect(r.quantiles[i].p).toBeGreaterThan(r.quantiles[i - 1].p);
      expect(r.quantiles[i].ms).toBeGreaterThanOrEqual(r.quantiles[i - 1].ms);
    }
    expect(quantileAt(r, 0.99)).toBe(r.summary.p99);
    expect(r.series.requests.length).toBe(r.series.attempts.length);
  });
});
