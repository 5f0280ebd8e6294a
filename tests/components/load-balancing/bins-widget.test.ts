import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { batchSeed } from '../../../simulations/run-many.ts';
import { ballsIntoBins, type BallsIntoBinsResult } from '../../../simulations/scenarios/balls-into-bins.ts';
import { binsCharts } from '../../../src/components/load-balancing/bins/bins-charts.ts';
import { planBins } from '../../../src/components/load-balancing/bins/bins-plan.ts';
import { binsSpecs, choicesToRun } from '../../../src/components/load-balancing/bins/bins-specs.ts';
import { reduceBins } from '../../../src/components/load-balancing/bins/bins-view.ts';
import { binsWidget } from '../../../src/components/load-balancing/bins/bins-widget.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { num } from '../../../src/components/stats/format-number.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(binsSpecs);
const small = { ...A, requests: 400, backends: 40, runs: 3 };

describe('bins widget', () => {
  it('choicesToRun always holds 1, 2 and the chosen d, once each, ascending', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), (d) => {
        const c = choicesToRun(d);
        expect(c).toEqual([...new Set(c)].sort((a, b) => a - b));
        expect(c).toEqual(expect.arrayContaining([1, 2, d]));
        expect(c.length).toBe(d > 2 ? 3 : 2);
      }),
    );
  });

  it('runs every d on the same seeds seed, seed + 1, …', () => {
    const plan = planBins({ values: { ...small, choices: 3 }, seed: 7, compare: false, valuesB: A });
    expect(flattenRuns(plan.runs)).toHaveLength(3 * 3);
    for (const d of [1, 2, 3]) {
      const rs = flattenRuns(plan.runs).filter((r) => r.params.choices === d);
      expect(rs.map((r) => r.seed)).toEqual([0, 1, 2].map((i) => batchSeed(7, i)));
    }
  });

  it('every preset and the default plan valid scenario parameters', () => {
    const schema = paramSchema(ballsIntoBins.params);
    for (const preset of [undefined, ...binsWidget.presets]) {
      const state = preset ? applyPreset(binsSpecs, defaultState(binsSpecs, 1), preset) : defaultState(binsSpecs, 1);
      for (const r of flattenRuns(binsWidget.plan(state).runs)) expect(() => schema.parse(r.params)).not.toThrow();
    }
  });

  it('curves are the means over the runs of the scenario’s own curves, and the summaries quote them', () => {
    const plan = planBins({ values: small, seed: 3, compare: false, valuesB: small });
    const results = executeRuns(plan.runs);
    const view = reduceBins(results, plan.meta);
    const [side] = view.sides;
    expect(side.curves.map((c) => c.choices)).toEqual([1, 2]);
    const ones = results[0][0];
    const k = ones[0].byRequests.length - 1;
    expect(side.curves[0].maxLoad[k]).toBeCloseTo((ones[0].byRequests[k].maxLoad + ones[1].byRequests[k].maxLoad + ones[2].byRequests[k].maxLoad) / 3, 12);
    expect(side.curves[0].final.mean).toBeCloseTo(side.curves[0].maxLoad[k], 12);

    const charts = binsCharts(view);
    expect(charts.map((c) => c.id)).toEqual(['max-load', 'excess', 'final-max-load']);
    const bars = charts[2];
    if (bars.kind !== 'bar') throw new Error('final-max-load is a bar chart');
    expect(bars.series[0].errors).toHaveLength(2);
    expect(charts[0].summary).toContain(`held ${num(side.curves[0].final.mean)} with 1 choice (theory ${num(side.curves[0].expectedFinal)})`);
    for (const c of charts) expect(c.summary).toMatch(/\d/);
  });

  it('with two choices the simulated excess over the mean stays below the one-choice excess (what the chart is for)', () => {
    const v = { ...A, requests: 5000, backends: 50, runs: 2 };
    const plan = planBins({ values: v, seed: 1, compare: false, valuesB: v });
    const [side] = reduceBins(executeRuns(plan.runs), plan.meta).sides;
    const [one, two] = side.curves;
    expect(two.final.mean).toBeLessThan(one.final.mean);
  });

  it('compare mode gives B its own charts, ids ending in -b, summaries prefixed A: and B:', () => {
    const plan = planBins({ values: small, seed: 1, compare: true, valuesB: { ...small, requests: 800 } });
    const charts = binsCharts(reduceBins(executeRuns(plan.runs), plan.meta));
    expect(charts.map((c) => c.id)).toEqual(['max-load', 'excess', 'final-max-load', 'max-load-b', 'excess-b', 'final-max-load-b']);
    expect(charts[0].summary).toMatch(/^A: /);
    expect(charts[3].summary).toMatch(/^B: After 800 requests/);
  });
});
