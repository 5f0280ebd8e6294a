import { describe, expect, it } from 'vitest';
import { booleanParam, intParam } from '../../../src/params/params.ts';
import { defineScenario } from '../../../simulations/scenario.ts';
import { compareSides } from '../../../src/components/frame/compare-sides.ts';
import { run } from '../../../src/components/frame/runner/run.ts';
import { stepAheadRuns } from '../../../src/components/frame/step-ahead.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';

const specs = {
  rate: intParam({ label: 'Rate', default: 40, min: 10, max: 200, step: 10 }),
  timeout: intParam({ label: 'Timeout', default: 1000, min: 50, max: 10_000, step: 50, scale: 'log' }),
  cancel: booleanParam({ label: 'Cancel', default: false }),
};
const echo = defineScenario({
  name: 'echo',
  title: 'Echo',
  description: 'its parameters back',
  params: specs,
  summaryDoc: { rate: 'rate' },
  run: (p) => ({ summary: { rate: p.rate } }),
});
/** One run per side, as a compare widget plans. */
const plan = (state: WidgetState<typeof specs>) => ({ runs: compareSides(state).map((s) => run(echo, s.values, state.seed, 1)) });

describe('step-ahead runs', () => {
  it('are the plans one arrow-key step either side of the slider, for the side the reader is on', () => {
    const state = defaultState(specs, 7);
    const [below, above] = stepAheadRuns(specs, plan, state, 'a', 'rate');
    expect([below, above].map((runs) => runs.map((r) => r.params.rate))).toEqual([[30], [50]]);
    expect(below[0].seed).toBe(7);
    const compared = { ...state, compare: true, valuesB: { ...state.values, rate: 100 } };
    const onB = stepAheadRuns(specs, plan, compared, 'b', 'rate');
    // A keeps its value; B moves one step.
    expect(onB.map((runs) => runs.map((r) => r.params.rate))).toEqual([
      [40, 90],
      [40, 110],
    ]);
  });

  it('with two steps, are the plans one and two steps either side, nearest first', () => {
    const state = defaultState(specs, 7);
    expect(stepAheadRuns(specs, plan, state, 'a', 'rate', 2).map((runs) => runs.map((r) => r.params.rate))).toEqual([[30], [50], [20], [60]]);
  });

  it("with a preview, are every neighbour's preview first, nearest first, then their plans: the press finds at least a preview on a slow device", () => {
    const state = defaultState(specs, 7);
    // A preview: the same run at a tenth of the cost (a shorter run of its own).
    const preview = (s: WidgetState<typeof specs>) => ({ runs: [run(echo, s.values, s.seed, 0.1)] });
    const lists = stepAheadRuns(specs, plan, state, 'a', 'rate', 2, preview);
    expect(lists.map((runs) => runs.map((r) => `${r.params.rate}${r.cost < 1 ? ' preview' : ''}`))).toEqual([
      ['30 preview'],
      ['50 preview'],
      ['20 preview'],
      ['60 preview'],
      ['30'],
      ['50'],
      ['20'],
      ['60'],
    ]);
    // At the end of the range there are neighbours on one side only.
    const atMax = { ...state, values: { ...state.values, rate: 200 } };
    expect(stepAheadRuns(specs, plan, atMax, 'a', 'rate', 2, preview).map((runs) => runs.map((r) => r.params.rate))).toEqual([[190], [180], [190], [180]]);
  });

  it('move a log slider one rung, stop at the ends of its range, and are none for a control that is not a slider', () => {
    const state = defaultState(specs, 1);
    const timeouts = stepAheadRuns(specs, plan, state, 'a', 'timeout').map((runs) => runs[0].params.timeout);
    expect(timeouts).toHaveLength(2);
    expect(timeouts[0]).toBeLessThan(1000);
    expect(timeouts[1]).toBeGreaterThan(1000);
    const atMax = { ...state, values: { ...state.values, rate: 200 } };
    expect(stepAheadRuns(specs, plan, atMax, 'a', 'rate').map((runs) => runs[0].params.rate)).toEqual([190]);
    expect(stepAheadRuns(specs, plan, state, 'a', 'cancel')).toEqual([]);
  });
});
