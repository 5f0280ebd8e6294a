import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { supermarket } from '../../../simulations/scenarios/supermarket.ts';
import { supermarketMeanTime } from '../../../simulations/theory/supermarket.ts';
import { supermarketCharts } from '../../../src/components/load-balancing/supermarket/supermarket-charts.ts';
import { planSupermarket } from '../../../src/components/load-balancing/supermarket/supermarket-plan.ts';
import { policies, supermarketSpecs, UTILIZATION_GRID } from '../../../src/components/load-balancing/supermarket/supermarket-specs.ts';
import { reduceSupermarket } from '../../../src/components/load-balancing/supermarket/supermarket-view.ts';
import { supermarketWidget } from '../../../src/components/load-balancing/supermarket/supermarket-widget.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { expectPartsOfPlan } from '../frame/runner/plan-parts.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(supermarketSpecs);
const small = { ...A, backends: 10, requests: 500 };

describe('supermarket widget', () => {
  it('the sweep is the grid plus the chosen utilization, ascending, without repeats, for every policy', () => {
    const spec = supermarketSpecs.utilization;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.round((spec.max - spec.min) / spec.step) }), (k) => {
        const utilization = Number((spec.min + k * spec.step).toFixed(2));
        const plan = planSupermarket({ values: { ...A, utilization }, seed: 1, compare: false, valuesB: A });
        const rates = plan.meta.sides[0].rates;
        expect(rates).toEqual([...new Set([...UTILIZATION_GRID, utilization])].sort((a, b) => a - b));
        expect(flattenRuns(plan.runs)).toHaveLength(policies.length * rates.length);
        for (const p of policies)
          expect(
            flattenRuns(plan.runs)
              .filter((r) => r.params.choices === p.choices)
              .map((r) => r.params.utilization),
          ).toEqual(rates);
      }),
      { numRuns: 50 },
    );
  });

  it('every preset and the default plan valid scenario parameters', () => {
    const schema = paramSchema(supermarket.params);
    for (const preset of [undefined, ...supermarketWidget.presets]) {
      const state = preset ? applyPreset(supermarketSpecs, defaultState(supermarketSpecs, 1), preset) : defaultState(supermarketSpecs, 1);
      for (const r of flattenRuns(supermarketWidget.plan(state).runs)) expect(() => schema.parse(r.params)).not.toThrow();
    }
  });

  it('draws the formulas over the simulation, marks the chosen utilization and keeps log axes within readable bounds', () => {
    const values = { ...small, utilization: 0.85 };
    const plan = planSupermarket({ values, seed: 2, compare: false, valuesB: values });
    const view = reduceSupermarket(executeRuns(plan.runs), plan.meta);
    const [meanTime, tails] = supermarketCharts(view);
    if (meanTime.kind !== 'line' || tails.kind !== 'line') throw new Error('line charts expected');
    expect(meanTime.markers).toEqual([{ x: 0.85, label: 'Chosen utilization 0.85' }]);
    const d2 = meanTime.series.find((s) => s.key === 'theory-2')!;
    d2.x.forEach((lambda, i) => expect(d2.y[i]).toBeCloseTo(supermarketMeanTime(lambda, 2), 12));
    const d1 = meanTime.series.find((s) => s.key === 'theory-1')!;
    expect(d1.y[d1.y.length - 1]).toBeCloseTo(1 / (1 - 0.95), 9);
    expect(meanTime.y.domain?.[0]).toBe(1);
    // d = 2 at level 12 is 0.85^4095: drawn as a gap, not as a point at 1e-289.
    const tail2 = tails.series.find((s) => s.key === 'theory-2')!;
    expect(tail2.y.every((v) => v === null || v >= 1e-4)).toBe(true);
    expect(tail2.y[tail2.y.length - 1]).toBeNull();
    expect(tails.y.domain).toEqual([1e-4, 1]);
    expect(meanTime.summary).toContain('At utilization 0.85 with 10 backends and 500 requests per point');
  });

  it('one choice is slower than two at every simulated point of the sweep', () => {
    const plan = planSupermarket({ values: small, seed: 1, compare: false, valuesB: small });
    const [side] = reduceSupermarket(executeRuns(plan.runs), plan.meta).sides;
    const one = side.policies.find((p) => p.choices === '1')!;
    const two = side.policies.find((p) => p.choices === '2')!;
    // At λ = 0.2 queues are rare whatever the policy; from 0.5 up the gap is many standard errors wide.
    side.rates.forEach((lambda, i) => {
      if (lambda >= 0.5) expect(one.meanTime[i]!).toBeGreaterThan(two.meanTime[i]!);
    });
  });
});

describe('supermarket widget, parts of the plan (preview, then refinements)', () => {
  const states = [
    defaultState(supermarketSpecs, 1),
    { ...defaultState(supermarketSpecs, 3), values: { ...small, utilization: 0.83 } },
    { ...defaultState(supermarketSpecs, 2), compare: true, values: small, valuesB: { ...small, backends: 5, utilization: 0.95 } },
  ];
  const partsOf = (state: (typeof states)[number]) => [supermarketWidget.preview!(state), ...supermarketWidget.refine!(state)];

  it('the preview is one run, two choices at the chosen utilization, per side; each part holds the one before and is among the full plan\'s runs', () => {
    for (const state of states) {
      const preview = flattenRuns(supermarketWidget.preview!(state).runs);
      expect(preview.map((r) => [r.params.choices, r.params.utilization])).toEqual(
        (state.compare ? [state.values, state.valuesB] : [state.values]).map((v) => ['2', v.utilization]),
      );
      expectPartsOfPlan(partsOf(state), planSupermarket(state));
    }
  });

  it('each part\'s view is the full view where it has run, null (pending) elsewhere, with the whole sweep\'s rates and the same axes', () => {
    for (const state of states) {
      const plan = planSupermarket(state);
      const all = executeRuns(plan.runs);
      const full = reduceSupermarket(all, plan.meta);
      const fullCharts = supermarketCharts(full);
      for (const part of partsOf(state)) {
        const view = reduceSupermarket(executeRuns(part.runs), part.meta);
        expect(JSON.parse(JSON.stringify(view))).toEqual(view);
        view.sides.forEach((side, i) => {
          const f = full.sides[i];
          expect(side.rates).toEqual(f.rates);
          side.policies.forEach((p, k) => {
            p.meanTime.forEach((v, j) => expect(v === null ? null : [v, p.expected[j]]).toEqual(v === null ? null : [f.policies[k].meanTime[j], f.policies[k].expected[j]]));
            if (p.tails) expect(p.tails).toEqual(f.policies[k].tails);
          });
        });
        const charts = supermarketCharts(view);
        charts.forEach((c, n) => {
          const fc = fullCharts[n];
          if (c.kind !== 'line' || fc.kind !== 'line') throw new Error('line charts expected');
          expect([c.id, c.x, c.y.scale]).toEqual([fc.id, fc.x, fc.y.scale]);
          // The formulas are drawn over the whole sweep in every part, as in the full view.
          expect(c.series.filter((x) => x.key.startsWith('theory'))).toEqual(fc.series.filter((x) => x.key.startsWith('theory')));
          // Every simulated point drawn is one of the full view's.
          for (const sim of c.series.filter((x) => x.key.startsWith('sim'))) {
            const whole = fc.series.find((x) => x.key === sim.key)!;
            sim.x.forEach((x, j) => expect(sim.y[j]).toBe(whole.y[whole.x.indexOf(x)]));
          }
        });
      }
    }
  });

  it('a partial summary quotes only what has run: each policy\'s value as the full view has it, or that it is still running, and says how much it shows', () => {
    const state = states[1];
    const plan = planSupermarket(state);
    const fullSummaries = supermarketCharts(reduceSupermarket(executeRuns(plan.runs), plan.meta)).map((c) => c.summary);
    expect(fullSummaries.join(' ')).not.toMatch(/still running|Partial/);
    for (const part of partsOf(state)) {
      const view = reduceSupermarket(executeRuns(part.runs), part.meta);
      const [meanTime, tails] = supermarketCharts(view).map((c) => c.summary);
      const side = view.sides[0];
      const k = side.rates.indexOf(side.utilization);
      for (const p of side.policies) {
        const label = policies.find((x) => x.choices === p.choices)!.label.toLowerCase();
        if (p.meanTime[k] === null) expect(meanTime).toContain(`${label} still running`);
        else expect(fullSummaries[0]).toContain(meanTime.match(new RegExp(`${label.replace(/[()]/g, '\\$&')} [^;.]+`))![0]);
        if (!p.tails) expect(tails).toContain(`${label} still running`);
        else expect(fullSummaries[1]).toContain(tails.match(new RegExp(`${label.replace(/[()]/g, '\\$&')} [^;.]+`))![0]);
      }
      expect(meanTime).toContain(`Partial result: ${side.policies.reduce((n, p) => n + p.meanTime.filter((v) => v !== null).length, 0)} of ${4 * side.rates.length} points`);
      expect([meanTime, tails].join(' ')).not.toMatch(/NaN|undefined|null/);
    }
  });

  it('join-the-shortest-queue runs count the backends they scan: the runner\'s estimate of them follows their work', () => {
    const at = (backends: number) => planSupermarket({ ...defaultState(supermarketSpecs, 1), values: { ...A, backends } }).runs[0].flat();
    const jsq = (backends: number) => at(backends).filter((r) => r.params.choices === 'all')[0].cost;
    for (const backends of [5, 50, 500]) for (const r of at(backends)) if (r.params.choices !== 'all') expect(r.cost).toBe(A.requests);
    expect(jsq(5)).toBeGreaterThan(A.requests);
    expect(jsq(50)).toBeGreaterThan(jsq(5));
    expect(jsq(500)).toBeGreaterThan(jsq(50));
  });
});
