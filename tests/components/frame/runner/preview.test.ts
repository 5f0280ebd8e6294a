import { describe, expect, it } from 'vitest';
import { defaultValues, type ParamSpecs } from '../../../../src/params/params.ts';
import type { WidgetDefinition } from '../../../../src/components/frame/widget-definition.ts';
import { flattenRuns, runKey } from '../../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../../src/components/frame/runner/run-in-node.ts';
import { firstHalfOfSeeds, firstSeedOnly } from '../../../../src/components/frame/runner/preview.ts';
import { expectPartsOfPlan } from './plan-parts.ts';
import { defaultState } from '../../../../src/components/frame/url/widget-state.ts';
import { jitterWidget } from '../../../../src/components/retry/jitter/jitter-widget.ts';
import { binsWidget } from '../../../../src/components/load-balancing/bins/bins-widget.ts';
import { supermarketWidget } from '../../../../src/components/load-balancing/supermarket/supermarket-widget.ts';
import { budgetWidget } from '../../../../src/components/retry/budget/budget-widget.ts';
import { hedgingWidget } from '../../../../src/components/failover/hedging/hedging-widget.ts';
import { availabilityWidget } from '../../../../src/components/failover/availability/availability-widget.ts';
import { compareWidget } from '../../../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import { hashingWidget } from '../../../../src/components/load-balancing/hashing/hashing-widget.ts';

describe('preview plans', () => {
  it('firstSeedOnly sets the seed count to 1 on both sides and keeps everything else', () => {
    const s = { ...defaultState(jitterWidget.specs, 4), compare: true };
    const b = { ...s, valuesB: { ...s.valuesB, clients: 200 } };
    const one = firstSeedOnly(b, 'runs');
    expect(one.values).toEqual({ ...b.values, runs: 1 });
    expect(one.valuesB).toEqual({ ...b.valuesB, runs: 1 });
    expect([one.seed, one.compare]).toEqual([4, true]);
  });

  it('jitter: the preview runs the first seed of every average, all among the full plan\'s runs', () => {
    expectPreviewWithinPlan(jitterWidget);
  });

  it('bins: the preview runs the first seed of every average, all among the full plan\'s runs', () => {
    expectPreviewWithinPlan(binsWidget);
  });

  it('supermarket, budget, hedging, availability: each preview is a part of its full plan, and reduces and draws as a view', () => {
    expectPreviewWithinPlan(supermarketWidget);
    expectPreviewDraws(supermarketWidget);
    expectPreviewWithinPlan(budgetWidget);
    expectPreviewDraws(budgetWidget);
    expectPreviewWithinPlan(hedgingWidget);
    expectPreviewDraws(hedgingWidget);
    expectPreviewWithinPlan(availabilityWidget);
    expectPreviewDraws(availabilityWidget);
  });

  it('refinements: each part has more runs than the one before, all of them, and fewer than the full plan, and draws', () => {
    expectRefinesInOrder(jitterWidget);
    expectRefinesInOrder(binsWidget);
    expectRefinesInOrder(supermarketWidget);
    expectRefinesInOrder(budgetWidget);
    expectRefinesInOrder(hedgingWidget);
  });

  it('firstHalfOfSeeds keeps the first half of each side\'s seeds, rounded up', () => {
    const s = { ...defaultState(jitterWidget.specs, 4), compare: true };
    const b = { ...s, values: { ...s.values, runs: 5 }, valuesB: { ...s.valuesB, runs: 1 } };
    const half = firstHalfOfSeeds<typeof jitterWidget.specs>(b, 'runs');
    expect([half.values.runs, half.valuesB.runs]).toEqual([3, 1]);
  });

  it('supermarket: the preview is two choices at the chosen utilization, with that utilization\'s queue lengths; the rest pending', () => {
    const state = { ...defaultState(supermarketWidget.specs, 1), values: { ...defaultState(supermarketWidget.specs, 1).values, utilization: 0.83 } };
    const p = supermarketWidget.preview!(state);
    expect(p.meta.sides.map((s) => s.ran)).toEqual([[[], [0.83], [], []]]);
    const full = supermarketWidget.reduce(executeRuns(supermarketWidget.plan(state).runs), supermarketWidget.plan(state).meta);
    const part = supermarketWidget.reduce(executeRuns(p.runs), p.meta);
    expect(part.sides[0].policies.map((x) => x.tails)).toEqual(full.sides[0].policies.map((x) => (x.choices === '2' ? x.tails : null)));
  });

  it('budget: the preview draws (a) at the lowest heights and (b) without retries at the chosen failure rate', () => {
    const base = defaultState(budgetWidget.specs, 1);
    for (const layers of [1, 4]) {
      const state = { ...base, values: { ...base.values, layers, failureRate: 0.5 } };
      const p = budgetWidget.preview!(state);
      const part = budgetWidget.reduce(executeRuns(p.runs), p.meta).sides[0];
      const full = budgetWidget.reduce(executeRuns(budgetWidget.plan(state).runs), budgetWidget.plan(state).meta).sides[0];
      // At failure rate 0.5 with 3 retries the first two heights make about 69,000 calls; the third would pass the preview's 100,000.
      expect(part.amplification.simulated).toEqual(full.amplification.simulated.map((v, h) => (h < 2 ? v : null)));
      expect(part.rates).toEqual(full.rates);
      expect(part.policies.map((x) => x.load)).toEqual(full.policies.map((x) => full.rates.map((r, i) => (r === 0.5 && x.policy === 'none' ? x.load[i] : null))));
    }
  });

  it('hedging: the preview is each side\'s own run and its baseline; the sweep follows, every third delay first', () => {
    const state = defaultState(hedgingWidget.specs, 1);
    const p = hedgingWidget.preview!(state);
    const coarse = hedgingWidget.refine!(state)[0];
    const part = hedgingWidget.reduce(executeRuns(p.runs), p.meta).sides[0];
    const refined = hedgingWidget.reduce(executeRuns(coarse.runs), coarse.meta).sides[0];
    const full = hedgingWidget.reduce(executeRuns(hedgingWidget.plan(state).runs), hedgingWidget.plan(state).meta).sides[0];
    expect(part.sweep).toEqual([]);
    expect(refined.sweep).toEqual(full.sweep.filter((d) => [2, 20, 200, 2000].includes(d.delayMs)));
    expect([part.hedged, part.unhedged, part.hedgedQuantiles]).toEqual([full.hedged, full.unhedged, full.hedgedQuantiles]);
  });

  it('availability: the preview sweeps replicas up to the chosen count, its last point the chosen run', () => {
    const base = defaultState(availabilityWidget.specs, 1);
    const state = { ...base, values: { ...base.values, replicas: 3 } };
    const p = availabilityWidget.preview!(state);
    const part = availabilityWidget.reduce(executeRuns(p.runs), p.meta).sides[0];
    const full = availabilityWidget.reduce(executeRuns(availabilityWidget.plan(state).runs), availabilityWidget.plan(state).meta).sides[0];
    expect(part.byReplicas.map((x) => x.replicas)).toEqual([1, 2, 3]);
    expect(part.byReplicas).toEqual(full.byReplicas.slice(0, 3));
    expect(part.summary).toEqual(full.summary);
  });

  it('balancers: the preview, a shorter run of its own (tests/components/load-balancing/compare-preview.test.ts), draws', () => {
    expectPreviewDraws(compareWidget);
  });

  it('consistent hashing: up to 2,000 keys the preview runs hash mod n and ring hash, with the full plan\'s outcomes; Maglev follows (more keys: hashing-preview.test.ts)', () => {
    expectPreviewDraws(hashingWidget);
    const base = defaultState(hashingWidget.specs, 1);
    const state = { ...base, values: { ...base.values, keys: 2000 } };
    const p = hashingWidget.preview!(state);
    const full = new Set(flattenRuns(hashingWidget.plan(state).runs).map(runKey));
    expect(flattenRuns(p.runs).every((r) => full.has(runKey(r)))).toBe(true);
    const part = hashingWidget.reduce(executeRuns(p.runs), p.meta).sides[0];
    const whole = hashingWidget.reduce(executeRuns(hashingWidget.plan(state).runs), hashingWidget.plan(state).meta).sides[0];
    expect(part.methods.map((m) => m.method)).toEqual(['modulo', 'ring-hash']);
    expect(whole.methods.map((m) => m.method)).toEqual(['modulo', 'ring-hash', 'maglev']);
    expect(part.methods).toEqual(whole.methods.slice(0, 2));
  });
});

/** The parts (preview, then refinements) each contain the one before, are within the full plan, and draw. */
function expectRefinesInOrder<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(w: WidgetDefinition<S, T, M, V, VS>): void {
  const state = { ...defaultState(w.specs, w.defaultSeed), compare: true };
  const parts = [w.preview!(state), ...w.refine!(state)];
  expectPartsOfPlan(parts, w.plan(state));
  for (const p of parts) {
    expect(w.figures(w.reduce(executeRuns(p.runs), p.meta), defaultValues(w.viewSpecs)).every((f) => !/undefined|NaN/.test(f.summary))).toBe(true);
  }
}

/** The preview's view (compare on) gives figures, each with a summary: the charts take a partial view. */
function expectPreviewDraws<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(w: WidgetDefinition<S, T, M, V, VS>): void {
  const p = w.preview!({ ...defaultState(w.specs, w.defaultSeed), compare: true });
  const figures = w.figures(w.reduce(executeRuns(p.runs), p.meta), defaultValues(w.viewSpecs));
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) expect(f.summary).not.toMatch(/undefined|NaN/);
}

/** The preview's distinct runs are fewer than the full plan's and all among them, so the full plan reuses them from the cache. */
function expectPreviewWithinPlan<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(w: WidgetDefinition<S, T, M, V, VS>): void {
  const state = { ...defaultState(w.specs, w.defaultSeed), compare: true };
  const full = new Set(flattenRuns(w.plan(state).runs).map(runKey));
  const preview = new Set(flattenRuns(w.preview!(state).runs).map(runKey));
  expect(preview.size).toBeGreaterThan(0);
  expect(preview.size).toBeLessThan(full.size);
  expect([...preview].filter((k) => !full.has(k))).toEqual([]);
}
