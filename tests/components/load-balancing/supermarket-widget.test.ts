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
      if (lambda >= 0.5) expect(one.meanTime[i]).toBeGreaterThan(two.meanTime[i]);
    });
  });
});
