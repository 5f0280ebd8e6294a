import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { retryStormSpec } from '../../../simulations/scenarios/specs/retry-storm.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { stormCharts } from '../../../src/components/retry/storm/storm-charts.ts';
import { planStorm } from '../../../src/components/retry/storm/storm-plan.ts';
import { stormSpecs } from '../../../src/components/retry/storm/storm-specs.ts';
import { reduceStorm } from '../../../src/components/retry/storm/storm-view.ts';
import { stormWidget } from '../../../src/components/retry/storm/storm-widget.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(stormSpecs);

describe('storm widget', () => {
  it('runs A and B on the same seed, with the scenario’s defaults for what the widget does not show', () => {
    const plan = planStorm({ values: A, seed: 7, compare: true, valuesB: { ...A, budget: 'token-bucket' } });
    expect(plan.runs.map((r) => [r.scenario, r.seed])).toEqual([
      [retryStormSpec, 7],
      [retryStormSpec, 7],
    ]);
    expect(plan.runs[0].params).toEqual(defaultValues(retryStormSpec.params));
    expect(plan.runs[1].params.budget).toBe('token-bucket');
  });

  it('compare starts B with a token-bucket budget when A has none', () => {
    expect(stormWidget.suggestB!(A).budget).toBe('token-bucket');
    expect(stormWidget.suggestB!({ ...A, budget: 'ratio-budget' }).budget).toBe('ratio-budget');
  });

  it('the A/B preset tells the story in words: A stays collapsed, B recovers', () => {
    const preset = stormWidget.presets.find((p) => p.id === 'compare-budget')!;
    const state = applyPreset(stormSpecs, defaultState(stormSpecs, 1), preset);
    const plan = planStorm(state);
    const view = reduceStorm(executeRuns(plan.runs), plan.meta);
    const charts = stormCharts(view);
    expect(charts.map((c) => c.id)).toEqual(['traffic', 'traffic-b', 'queue']);
    expect(charts[0].summary).toMatch(/^A: .*It did not recover/);
    expect(charts[1].summary).toMatch(/^B: .*It recovered/);
    const traffic = charts[0];
    if (traffic.kind !== 'line') throw new Error('traffic is a line chart');
    expect(traffic.shaded).toEqual([{ start: 10, end: 15, label: 'Load spike' }]);
    // Both traffic charts share one y range, so heights compare fairly.
    const b = charts[1];
    if (b.kind !== 'line') throw new Error('traffic-b is a line chart');
    expect(traffic.y.domain).toEqual(b.y.domain);
  });

  it('the summary names the queueing discipline when it is a defence (LIFO, shedding expired work), not plain FIFO', () => {
    const summaryOf = (queueing: typeof A.queueing) => {
      const plan = planStorm({ values: { ...A, queueing }, seed: 1, compare: false, valuesB: A });
      return stormCharts(reduceStorm(executeRuns(plan.runs), plan.meta))[0].summary;
    };
    expect(summaryOf('fifo')).not.toMatch(/LIFO|shed/);
    expect(summaryOf('lifo')).toContain('newest request served first (LIFO)');
    expect(summaryOf('drop-expired')).toContain('work older than the timeout shed unstarted');
  });
});
