import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { faultInjectionSpec } from '../../../simulations/scenarios/specs/fault-injection.ts';
import { playgroundFigures } from '../../../src/components/chaos/playground/playground-charts.ts';
import { planPlayground } from '../../../src/components/chaos/playground/playground-plan.ts';
import { playgroundSpecs } from '../../../src/components/chaos/playground/playground-specs.ts';
import { playgroundWidget } from '../../../src/components/chaos/playground/playground-widget.ts';
import { num, percent } from '../../../src/components/stats/format-number.ts';
import { presetView, valuesView } from './preset-view.ts';

const A = defaultValues(playgroundSpecs);
const view = (preset: string) => presetView(playgroundWidget, preset);

describe('fault-injection playground widget', () => {
  it('runs A and B on the same seed, with the scenario’s defaults for what the widget does not show', () => {
    const plan = planPlayground({ values: A, seed: 9, compare: true, valuesB: { ...A, position: 'outside' } });
    expect(plan.runs.map((r) => [r.scenario, r.seed])).toEqual([
      [faultInjectionSpec, 9],
      [faultInjectionSpec, 9],
    ]);
    expect(plan.runs[0].params).toEqual(defaultValues(faultInjectionSpec.params));
    expect(plan.runs[1].params.position).toBe('outside');
  });

  it('compare starts B with the injector at the other end of the pipeline', () => {
    expect(playgroundWidget.suggestB!(A).position).toBe('outside');
    expect(playgroundWidget.suggestB!({ ...A, position: 'outside' }).position).toBe('inside');
  });

  // The numbers of the page's lead-in "What to try: one injector, one call path".
  it('a fault inside a retry: it acts on about a fifth of executions, and about 0.7% of calls fail with it', () => {
    const s = view('fault-retried').sides[0].summary;
    expect(percent(s.observedRate)).toBe('18.9%');
    expect(percent(s.injectedFault)).toBe('0.7%');
    expect(num(s.attemptsPerCall)).toBe('1.22');
  });

  it('without the retry, or with the injector outermost, the caller sees the fault at its rate', () => {
    expect(percent(view('fault-no-retry').sides[0].summary.injectedFault)).toBe('18.7%');
    const [inside, outside] = view('compare-position').sides;
    expect(percent(inside.summary.injectedFault)).toBe('0.7%');
    expect(percent(outside.summary.injectedFault)).toBe('18.7%');
  });

  it('a fake 503 resolves, so the retry never sees it: the caller gets it at the injection rate', () => {
    const s = view('outcome').sides[0].summary;
    expect(percent(s.injectedOutcome)).toBe('18.7%');
    expect(s.attemptsPerCall).toBe(1);
  });

  it('injected latency: the timeout and the retry cut a 1 s wait to a p99 under 800 ms; without the timeout p99 is over a second', () => {
    const cut = view('latency-timeout').sides[0].summary;
    const uncut = view('latency-no-timeout').sides[0].summary;
    expect(num(cut.p99)).toBe('782');
    expect(percent(cut.succeeded)).toBe('99.3%');
    expect(num(uncut.p99)).toBe('1,097');
    expect(uncut.succeeded).toBe(1);
  });

  it('injected latency outermost: the per-attempt timeout never sees the wait, and p99 is over a second again', () => {
    const s = valuesView(playgroundWidget, { injector: 'latency', position: 'outside' }).sides[0].summary;
    expect(s.p99).toBeGreaterThan(1000);
    expect(s.succeeded).toBe(1);
  });

  it('says it in words: both charts name A and B in compare mode, and the summaries carry the numbers', () => {
    const figures = playgroundFigures(view('compare-position'));
    expect(figures.map((f) => f.id)).toEqual(['outcomes', 'latency']);
    expect(figures[0].summary).toMatch(
      /^A: With a fault injector at 20%, innermost, with retry and a 250 ms timeout, .* the injected fault in 0\.7%.* B: With a fault injector at 20%, outermost/,
    );
    expect(figures[1].summary).toMatch(/^A: Median \d/);
  });
});
