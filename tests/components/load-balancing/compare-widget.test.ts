import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { lbHeterogeneous, type LbHeterogeneousResult } from '../../../simulations/scenarios/lb-heterogeneous.ts';
import { compareCharts } from '../../../src/components/load-balancing/balancer-compare/compare-charts.ts';
import { planCompare } from '../../../src/components/load-balancing/balancer-compare/compare-plan.ts';
import { compareSpecs } from '../../../src/components/load-balancing/balancer-compare/compare-specs.ts';
import { reduceCompare } from '../../../src/components/load-balancing/balancer-compare/compare-view.ts';
import { compareWidget } from '../../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import { flattenRuns, Run } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(compareSpecs);

/** The plan's runs shortened to 12 s with the fault from 4 s to 8 s: the same code path, a fifth of the work. */
function shortened(runs: readonly (readonly Run<LbHeterogeneousResult>[])[]): Run<LbHeterogeneousResult>[][] {
  return runs.map((side) => side.map((r) => new Run(r.scenario, { ...r.params, duration: 12, faultStart: 4, faultDuration: 4 }, r.seed, r.cost)));
}

describe('lb (balancer compare) widget', () => {
  it('runs both algorithms on the same seed with every other parameter equal, and does not pass `versus` on', () => {
    const plan = planCompare({ values: { ...A, algorithm: 'random', versus: 'peak-ewma', fault: 'errors' }, seed: 9, compare: false, valuesB: A });
    expect(flattenRuns(plan.runs).map((r) => r.seed)).toEqual([9, 9]);
    const [a, b] = flattenRuns(plan.runs).map((r) => r.params);
    expect(a.algorithm).toBe('random');
    expect(b.algorithm).toBe('peak-ewma');
    expect({ ...a, algorithm: 'x' }).toEqual({ ...b, algorithm: 'x' });
    expect(a).not.toHaveProperty('versus');
    expect(a.duration).toBe(defaultValues(lbHeterogeneous.params).duration);
  });

  it('every preset and the default plan valid scenario parameters, on both sides', () => {
    const schema = paramSchema(lbHeterogeneous.params);
    for (const preset of [undefined, ...compareWidget.presets]) {
      const state = preset ? applyPreset(compareSpecs, defaultState(compareSpecs, 1), preset) : defaultState(compareSpecs, 1);
      const plan = compareWidget.plan(state);
      expect(flattenRuns(plan.runs)).toHaveLength(state.compare ? 4 : 2);
      for (const r of flattenRuns(plan.runs)) expect(() => schema.parse(r.params)).not.toThrow();
    }
  });

  it('compare starts B with outlier detection on, or switches health checks when A already has it', () => {
    expect(compareWidget.suggestB!(A).outlierDetection).toBe(true);
    const b = compareWidget.suggestB!({ ...A, outlierDetection: true });
    expect(b.outlierDetection).toBe(true);
    expect(b.healthChecks).toBe(!A.healthChecks);
  });

  it('per backend shares add up to 1 for each algorithm; the faulty backend’s share over time is per second; charts say what they show', () => {
    const plan = planCompare({ values: { ...A, fault: 'fail-fast' }, seed: 1, compare: false, valuesB: A });
    const view = reduceCompare(executeRuns(shortened(plan.runs)), plan.meta);
    const [side] = view.sides;
    expect(side.fault).toEqual({ kind: 'fail-fast', start: 4, end: 8 });
    expect(side.t).toHaveLength(12);
    for (const r of side.runs) {
      expect(r.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(r.faultyShareOverTime).toHaveLength(12);
      for (const x of r.faultyShareOverTime) if (x !== null) expect(x).toBeGreaterThanOrEqual(0);
    }
    expect(side.backends.reduce((a, b) => a + b.capacityShare, 0)).toBeCloseTo(1, 12);
    // A backend that refuses at once looks idle to least-request, which then favours it: more than round robin's even share.
    const [rr, p2c] = side.runs;
    expect(p2c.faultyShare).toBeGreaterThan(rr.faultyShare);

    const charts = compareCharts(view);
    expect(charts.map((c) => c.id)).toEqual(['backend-share', 'latency', 'faulty-share', 'p99-over-time', 'errors']);
    const share = charts[0];
    if (share.kind !== 'bar') throw new Error('backend-share is a bar chart');
    expect(share.categories[0].label).toContain('faulty');
    expect(share.series.map((s) => s.label)).toEqual(['Round robin', 'Least request (P2C)', 'Share of capacity']);
    const faulty = charts[2];
    if (faulty.kind !== 'line') throw new Error('faulty-share is a line chart');
    expect(faulty.shaded).toEqual([{ start: 4, end: 8, label: 'Fault: fast-0 refuses every request at once' }]);
    expect(faulty.summary).toMatch(/During the fault \(4–8 s\) fast-0/);
  });

  it('the same algorithm on both sides of a run is told apart in the labels', () => {
    const plan = planCompare({ values: { ...A, versus: 'round-robin' }, seed: 1, compare: false, valuesB: A });
    const runs = shortened(plan.runs);
    const r = executeRuns(runs[0][0]);
    const charts = compareCharts(reduceCompare([[r, r]], plan.meta));
    const latency = charts[1];
    if (latency.kind !== 'bar') throw new Error('latency is a bar chart');
    expect(latency.categories.map((c) => c.label)).toEqual(['Round robin (1)', 'Round robin (2)']);
  });
});
