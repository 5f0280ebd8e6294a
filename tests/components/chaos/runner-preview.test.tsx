import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { chaosExperiment } from '../../../simulations/scenarios/chaos-experiment.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { run, runKey } from '../../../src/components/frame/runner/run.ts';
import { chaosExperimentSpec } from '../../../simulations/scenarios/specs/chaos-experiment.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import { RunnerVerdicts } from '../../../src/components/chaos/runner/RunnerVerdicts.tsx';
import { runnerFigures } from '../../../src/components/chaos/runner/runner-charts.ts';
import { planRunner, previewRunner, PREVIEW_SECONDS } from '../../../src/components/chaos/runner/runner-plan.ts';
import { runnerSpecs, type RunnerSpecs } from '../../../src/components/chaos/runner/runner-specs.ts';
import { runnerWidget } from '../../../src/components/chaos/runner/runner-widget.ts';
import { num, percent } from '../../../src/components/stats/format-number.ts';
import { expectSeriesPrefix } from '../series-prefix.ts';
import { stateWith, wholeAndPreview } from '../preview-views.ts';

const A = defaultValues(runnerSpecs);
const duration = chaosExperiment.params.duration;

const state = (values: Partial<typeof A> = {}, seed = 1, b?: Partial<typeof A>) => stateWith(runnerSpecs, values, seed, b);
const views = (s: WidgetState<RunnerSpecs>) => wholeAndPreview(runnerWidget, s);

/** Every preset (compare ones with both sides), and a few more settings, on three seeds. */
const cases: WidgetState<RunnerSpecs>[] = [
  ...runnerWidget.presets.map((p) => applyPreset(runnerSpecs, defaultState(runnerSpecs, 1), p)),
  ...[1, 2, 7].flatMap((seed) => [
    state({ fault: 'capacity-drop' }, seed),
    state({ fault: 'resets', breaker: true, bulkhead: true }, seed),
    state({ target: 'store', blastRadius: 1, abortBelow: 0 }, seed),
    state({ target: 'a', fault: 'errors', faultRate: 1, retries: false }, seed),
  ]),
];

describe('experiment widget preview: the first seconds of the same experiment', () => {
  it('runs the first 15 s of 40 s on the same seed, 15/40 of the cost, none of the plan’s runs, labelled, with valid parameters', () => {
    expect(PREVIEW_SECONDS).toBe(15);
    expect(PREVIEW_SECONDS % duration.step).toBe(0);
    expect(PREVIEW_SECONDS).toBeGreaterThanOrEqual(duration.min);
    const s = state();
    const plan = runnerWidget.plan(s);
    const p = runnerWidget.preview!(s);
    expect(p.label).toBe('Preview: the first 15 s of the 40 s experiment.');
    expect(p.meta.preview).toEqual({ seconds: 15, of: 40, fault: { start: 10, end: 30 } });
    expect(p.runs[0].params).toEqual({ ...plan.runs[0].params, duration: 15 });
    expect(p.runs[0].seed).toBe(plan.runs[0].seed);
    expect(p.runs[0].cost / plan.runs[0].cost).toBeCloseTo(15 / 40, 10);
    expect(plan.runs.map(runKey)).not.toContain(runKey(p.runs[0]));
    expect(() => paramSchema(chaosExperiment.params).parse(p.runs[0].params)).not.toThrow();
    expect(previewRunner(state({}, 3, { fault: 'errors' })).runs.map((r) => [r.params.fault, r.params.duration, r.seed])).toEqual([
      ['latency', 15, 3],
      ['errors', 15, 3],
    ]);
  });

  it('is the whole experiment’s beginning: the same probe windows, readings and phases over its 15 s, for every preset and more settings', () => {
    for (const s of cases) {
      const whole = executeRuns(planRunner(s).runs);
      const part = executeRuns(previewRunner(s).runs);
      whole.forEach((w, i) => {
        const p = part[i];
        expect(p.windows).toHaveLength(PREVIEW_SECONDS);
        expect(p.windows).toEqual(w.windows.slice(0, PREVIEW_SECONDS));
        expectSeriesPrefix(p, w, PREVIEW_SECONDS);
      });
    }
  });

  it('a run shorter than the fault’s start plus a second is not a beginning: the scenario moves the fault into it', () => {
    const s = state();
    const [whole] = executeRuns(planRunner(s).runs);
    const [short] = executeRuns([run(chaosExperimentSpec, { ...defaultValues(chaosExperimentSpec.params), ...s.values, duration: 10 }, 1, 0)]);
    expect(short.fault.startMs).toBe(9000);
    expect(short.series.columns.p99).not.toEqual(whole.series.columns.p99.slice(0, 10));
  });

  it('draws on the whole run’s axes: probes up to 15 s, the bands over all 40 s, the fault shaded as far as it ran, no verdict marker', () => {
    const { whole, preview } = views(state());
    const [ws, wp] = runnerFigures(whole);
    const [ps, pp] = runnerFigures(preview);
    if (ws.kind !== 'line' || ps.kind !== 'line' || wp.kind !== 'line' || pp.kind !== 'line') throw new Error('the probes are line charts');
    expect(ps.x).toEqual(ws.x);
    expect(ps.y).toEqual(ws.y);
    expect(pp.x).toEqual(wp.x);
    const probe = ps.series.find((x) => x.key === 'success-rate')!;
    expect(probe.x).toEqual(ws.series[0].x.slice(0, 15));
    expect(probe.y).toEqual(ws.series[0].y.slice(0, 15));
    for (const key of ['hypothesis', 'abort-line']) expect(ps.series.find((x) => x.key === key)).toEqual(ws.series.find((x) => x.key === key));
    expect(ps.shaded).toEqual([{ start: 10, end: 15, label: 'Fault injected' }]);
    expect(ps.markers).toEqual([]);
    expect(pp.markers).toEqual([]);
    expect(preview.sides[0].fault).toEqual(whole.sides[0].fault);
    expect(preview.sides[0].duration).toBe(whole.sides[0].duration);
  });

  it('states no verdict and no whole-run number: the verdict is pending, what the windows say is “so far”, with the span', () => {
    for (const preset of ['latency', 'errors', 'wide', 'compare-fault']) {
      const s = applyPreset(
        runnerSpecs,
        defaultState(runnerSpecs, 1),
        runnerWidget.presets.find((p) => p.id === preset)!,
      );
      const { whole, preview } = views(s);
      const texts = [...runnerFigures(preview).map((f) => f.summary), renderToString(<RunnerVerdicts view={preview} />)];
      for (const t of texts) {
        expect(t).not.toMatch(/Hypothesis held|Hypothesis refuted|Aborted at|over the whole run|exit code/);
        expect(t).toMatch(/first 15 s of 40 s/);
      }
      preview.sides.forEach((p, i) => {
        expect(p.verdict.status).toBe('pending');
        for (const k of ['successRateOverall', 'p99Overall', 'degraded', 'requests'] as const) expect(p[k]).toBeNull();
        const w = whole.sides[i];
        for (const t of texts) {
          expect(t).not.toContain(`${percent(w.successRateOverall!)} over`);
          expect(t).not.toContain(`${num(w.p99Overall!)} ms over`);
        }
      });
    }
    const rendered = renderToString(<RunnerVerdicts view={views(state()).preview} />);
    expect(rendered).toContain('data-verdict="pending"');
    expect(rendered.replaceAll('<!-- -->', '')).toMatch(
      /Pending<\/strong> Verdict pending: this preview ran the first 15 s of 40 s\. So far, the window ending at 11 s \(during the fault\) was out of tolerance: p99 read/,
    );
  });

  it('the guard’s abort within the preview is said as so far, and the fault’s shading stops there', () => {
    const { preview } = views(
      applyPreset(
        runnerSpecs,
        defaultState(runnerSpecs, 1),
        runnerWidget.presets.find((p) => p.id === 'wide')!,
      ),
    );
    const [success] = runnerFigures(preview);
    if (success.kind !== 'line') throw new Error('the success-rate probe is a line chart');
    expect(success.shaded).toEqual([{ start: 10, end: 12, label: 'Fault injected' }]);
    expect(success.summary).toMatch(/So far, the guard read a success rate of [\d.]+% at 12 s, below 50%/);
  });

  it('the preview view survives JSON, and the whole run’s view is as before: a final verdict and its numbers', () => {
    const { whole, preview } = views(state({}, 1, { fault: 'errors' }));
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(whole.sides.map((s) => s.verdict.status)).toEqual(['refuted', 'held']);
    expect(whole.sides.every((s) => s.successRateOverall !== null && s.p99Overall !== null)).toBe(true);
  });
});
