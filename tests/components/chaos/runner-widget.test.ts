import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { chaosExperimentSpec } from '../../../simulations/scenarios/specs/chaos-experiment.ts';
import { runnerFigures } from '../../../src/components/chaos/runner/runner-charts.ts';
import { planRunner } from '../../../src/components/chaos/runner/runner-plan.ts';
import { runnerSpecs } from '../../../src/components/chaos/runner/runner-specs.ts';
import { exitCode } from '../../../src/components/chaos/runner/runner-verdict.ts';
import { runnerWidget } from '../../../src/components/chaos/runner/runner-widget.ts';
import type { RunnerSideView } from '../../../src/components/chaos/runner/runner-view.ts';
import { num, percent } from '../../../src/components/stats/format-number.ts';
import { presetView } from './preset-view.ts';

const A = defaultValues(runnerSpecs);
const view = (preset: string) => presetView(runnerWidget, preset);

/** A whole run's success rate (a preview's view has none). */
function successRate(s: RunnerSideView): number {
  if (s.successRateOverall === null) throw new Error('a whole run’s view has its success rate');
  return s.successRateOverall;
}

describe('experiment runner widget', () => {
  it('runs A and B on the same seed, with the scenario’s defaults for what the widget does not show', () => {
    const plan = planRunner({ values: A, seed: 3, compare: true, valuesB: { ...A, fault: 'errors' } });
    expect(plan.runs.map((r) => [r.scenario, r.seed])).toEqual([
      [chaosExperimentSpec, 3],
      [chaosExperimentSpec, 3],
    ]);
    expect(plan.runs[0].params).toEqual({ ...defaultValues(chaosExperimentSpec.params), blastRadius: 0.2 });
    expect(plan.runs[1].params.fault).toBe('errors');
  });

  it('compare starts B with the other fault: latency against errors', () => {
    expect(runnerWidget.suggestB!(A).fault).toBe('errors');
    expect(runnerWidget.suggestB!({ ...A, fault: 'errors' }).fault).toBe('latency');
  });

  // The numbers of the page's lead-in "What to try: latency against errors".
  it('300 ms of latency into a fifth of B’s hosts refutes the hypothesis within the first second of the fault, on the p99 probe', () => {
    const s = view('latency').sides[0];
    expect(s.verdict).toMatchObject({ status: 'refuted', probe: 'p99', atS: 11 });
    expect(s.fault).toEqual({ start: 10, end: 30 });
    expect(percent(successRate(s))).toBe('98.6%');
    expect(exitCode(s)).toBe(1);
  });

  it('errors on half the attempts to the same hosts are retried away: the hypothesis holds', () => {
    const [latency, errors] = view('compare-fault').sides;
    expect(latency.verdict.status).toBe('refuted');
    expect(errors.verdict.status).toBe('held');
    expect(errors.successRateOverall).toBeGreaterThan(0.999);
    expect(exitCode(errors)).toBe(0);
  });

  it('a fallback answers every failure, yet the latency probe still refutes the hypothesis', () => {
    const s = view('latency-fallback').sides[0];
    expect(s.successRateOverall).toBe(1);
    expect(s.verdict).toMatchObject({ status: 'refuted', probe: 'p99' });
  });

  it('latency into all of B: the guard aborts 2 s into the fault; without it the run ends at about half its success rate', () => {
    const guarded = view('wide').sides[0];
    expect(guarded.verdict).toMatchObject({ status: 'aborted', reason: 'guard', atS: 12 });
    expect(exitCode(guarded)).toBe(3);
    expect(percent(successRate(guarded))).toBe('94.7%');
    const unguarded = view('wide-no-guard').sides[0];
    expect(unguarded.verdict.status).toBe('refuted');
    expect(num(successRate(unguarded) * 100)).toBe('49.4');
  });

  it('draws each probe against its band, the fault shaded up to the abort, and the verdict at its time', () => {
    const figures = runnerFigures(view('wide'));
    expect(figures.map((f) => f.id)).toEqual(['success-rate', 'p99']);
    const success = figures[0];
    if (success.kind !== 'line') throw new Error('the success-rate probe is a line chart');
    expect(success.series.map((s) => s.key)).toEqual(['success-rate', 'hypothesis', 'abort-line']);
    expect(success.shaded).toEqual([{ start: 10, end: 12, label: 'Fault injected' }]);
    expect(success.markers).toEqual([{ x: 12, label: 'Aborted' }]);
    expect(success.summary).toMatch(/Aborted at 12 s: the guard read a success rate of \d/);
    // A window without requests is a gap, not a NaN that JSON would turn into null silently.
    expect(JSON.parse(JSON.stringify(view('latency')))).toEqual(view('latency'));
  });
});
