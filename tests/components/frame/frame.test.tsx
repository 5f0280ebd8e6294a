import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { booleanParam, enumParam, intParam } from '../../../src/params/params.ts';
import { defineScenario } from '../../../simulations/scenario.ts';
import { CSV_HEADER } from '../../../src/components/frame/export/chart-csv.ts';
import { compareSides, sideChartId, sidePrefix } from '../../../src/components/frame/compare-sides.ts';
import { figuresCsv } from '../../../src/components/frame/figures-csv.ts';
import type { FigureModel } from '../../../src/components/frame/figure-model.ts';
import { Figures } from '../../../src/components/frame/Figures.tsx';
import { executeRun, flattenRuns, run, shapeResults } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { planKey } from '../../../src/components/frame/runner/useSimulation.ts';
import { buildTimeDefault, useSimulationWidget } from '../../../src/components/frame/useSimulationWidget.ts';
import { defineWidget } from '../../../src/components/frame/widget-definition.ts';
import { WidgetFrame } from '../../../src/components/frame/WidgetFrame.tsx';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';

// The frame against two tiny fake scenarios: what every widget gets from one definition.
const specs = {
  spikeRate: intParam({ label: 'Spike load', unit: 'req/s', default: 40, min: 10, max: 200, step: 10, help: 'extra load' }),
  mode: enumParam({ label: 'Mode', default: 'a', options: ['a', 'b'] as const, optionLabels: { a: 'Mode A', b: 'Mode B' } }),
  cancel: booleanParam({ label: 'Cancel', default: false }),
};
const ramp = defineScenario({
  name: 'ramp',
  title: 'Ramp',
  description: 'a straight line',
  params: { spikeRate: specs.spikeRate },
  summaryDoc: { last: 'last value' },
  run: (p, seed) => {
    const y = Array.from({ length: 5 }, (_, i) => i * p.spikeRate + seed);
    return { summary: { last: y[4] }, y };
  },
});
const boxes = defineScenario({
  name: 'boxes',
  title: 'Boxes',
  description: 'n boxes',
  params: { size: intParam({ label: 'Size', default: 3, min: 1, max: 9 }) },
  summaryDoc: { size: 'boxes' },
  run: (p) => ({ summary: { size: p.size }, sizes: Array.from({ length: p.size }, (_, i) => i) }),
});

interface View {
  readonly y: number[];
  readonly last: number;
  readonly boxes: number;
}

const figures = (v: View, pick: number): FigureModel[] => [
  {
    kind: 'line',
    id: 'ramp',
    title: 'The ramp',
    x: { label: 'Step' },
    y: { label: 'Value', unit: 'units' },
    series: [{ key: 'y', label: 'Value, "quoted"', color: 1, x: v.y.map((_, i) => i), y: v.y }],
    shaded: [{ start: 1, end: 2, label: 'Spike' }],
    summary: `The ramp ends at ${v.last}.`,
  },
  {
    kind: 'custom',
    id: 'boxes',
    title: 'Boxes',
    summary: `${v.boxes} boxes, box ${pick} picked.`,
    draw: ({ width, titleId, summaryId }) => (
      <svg data-chart="boxes" role="img" aria-labelledby={`${titleId} ${summaryId}`} viewBox={`0 0 ${width} 20`}>
        <title id={titleId}>Boxes</title>
        {Array.from({ length: v.boxes }, (_, i) => (
          <rect key={i} x={i * 20} width={10} height={10} className={i === pick ? 'picked' : undefined} />
        ))}
      </svg>
    ),
    rows: Array.from({ length: v.boxes }, (_, i) => ({ series: 'box, with a comma', x: `box-${i}`, y: i, xLabel: 'Box', yLabel: 'Index' })),
  },
];

const fake = defineWidget({
  id: 'fake',
  title: 'A fake widget',
  description: 'Draws a ramp and boxes.',
  specs,
  viewSpecs: { pick: intParam({ label: 'Picked box', default: 1, min: 0, max: 8 }) },
  defaultSeed: 3,
  presets: [{ id: 'steep', label: 'Steep', values: { spikeRate: 200 } }],
  // Runs in a record: each entry's results arrive typed by its own scenario.
  plan: (s) => ({ runs: { ramps: compareSides(s).map((side) => run(ramp, { spikeRate: side.values.spikeRate }, s.seed, 1)), boxes: run(boxes, { size: 3 }, s.seed, 1) }, meta: null }),
  reduce: (r): View => ({ y: r.ramps[0].y, last: r.ramps[0].summary.last, boxes: r.boxes.sizes.length }),
  figures: (v, view) => figures(v, view.pick),
});

function FakeWidget() {
  const w = useSimulationWidget(fake);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}

describe('typed runs', () => {
  const plan = fake.plan({ ...defaultState(specs, 3), compare: true });

  it('flatten depth first and come back in the shape of the plan', () => {
    const flat = flattenRuns(plan.runs);
    expect(flat.map((r) => r.scenario.name)).toEqual(['ramp', 'ramp', 'boxes']);
    const shaped = shapeResults(plan.runs, flat.map((r) => executeRun(r, () => undefined)));
    expect(shaped.ramps.map((x) => x.summary.last)).toEqual([163, 163]);
    expect(shaped.boxes.sizes).toEqual([0, 1, 2]);
    expect(() => shapeResults(plan.runs, [])).toThrow(/expected 3 results, got 0/);
  });

  it('key a plan by its scenarios, seeds and params, not by object identity', () => {
    expect(planKey(fake.plan(defaultState(specs, 3)))).toBe(planKey(fake.plan(defaultState(specs, 3))));
    expect(planKey(fake.plan(defaultState(specs, 4)))).not.toBe(planKey(fake.plan(defaultState(specs, 3))));
    expect(executeRuns(plan.runs).boxes.summary.size).toBe(3);
  });
});

describe('WidgetFrame (server render)', () => {
  const html = renderToString(<FakeWidget />);

  it('renders the contract root, idle, labelled by its title', () => {
    expect(html).toMatch(/^<section id="fake" class="rl-widget not-content" data-widget="fake" data-state="idle" data-plan="([^"]+)" data-shown="\1" aria-labelledby="fake-title"/);
    expect(html).toContain('<h3 id="fake-title">A fake widget</h3>');
  });

  it('renders each parameter as its native control, labelled, with value text; view state is not among them', () => {
    expect(html).toContain('<label for="fake-spike-rate">Spike load</label>');
    expect(html).toMatch(/<input type="range" id="fake-spike-rate" min="10" max="200" step="10" aria-valuetext="40 req\/s" aria-describedby="fake-spike-rate-help" name="spike-rate" value="40"\/>/);
    expect(html).toMatch(/<select id="fake-mode" name="mode"[^>]*><option value="a" selected="">Mode A<\/option><option value="b">Mode B<\/option><\/select>/);
    expect(html).toMatch(/<input type="checkbox" id="fake-cancel" name="cancel"/);
    expect(html).toContain('<label for="fake-seed">Seed</label>');
    expect(html).toMatch(/<select id="fake-preset" name="preset"/);
    expect(html).not.toContain('fake-pick');
  });

  it('draws the default run computed on the server, charts and custom figures alike, with the view state’s default, and carries the view for hydration', () => {
    expect(html).toMatch(/<svg data-chart="ramp" role="img" aria-labelledby="fake-ramp-title fake-ramp-summary"/);
    expect(html).toContain('<figcaption id="fake-ramp-summary" data-testid="chart-summary" class="rl-figure__summary">The ramp ends at 163.</figcaption>');
    expect(html).toContain('<svg data-chart="boxes" role="img" aria-labelledby="fake-boxes-title fake-boxes-summary"');
    expect(html).toMatch(/<figcaption id="fake-boxes-summary" data-testid="chart-summary"[^>]*>3 boxes, box 1 picked\.<\/figcaption>/);
    expect(html.match(/<rect x="\d+" width="10"/g)).toHaveLength(3);
    const json = html.match(/<script type="application\/json" data-build-default="fake">(.*?)<\/script>/)![1];
    expect(JSON.parse(json)).toEqual(buildTimeDefault(fake));
    expect(JSON.parse(json).view).toEqual({ y: [3, 43, 83, 123, 163], last: 163, boxes: 3 });
  });

  it('shows the run status as the build-time default until hydrated, and no URL notice', () => {
    expect(html).toMatch(/<p class="rl-run-status rl-run-status--idle" data-testid="run-status" aria-live="polite">Showing the default run/);
    expect(html).not.toContain('url-notice');
  });
});

describe('figures CSV and compare sides', () => {
  it('exports one long-form CSV: the charts’ rows, then the custom rows, all under the shared header and quoted where needed', () => {
    const lines = figuresCsv(figures({ y: [0, 2], last: 2, boxes: 2 }, 0)).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.slice(1, -1)).toEqual(['ramp,"Value, ""quoted""",0,0,,Step,Value (units)', 'ramp,"Value, ""quoted""",1,2,,Step,Value (units)', 'boxes,"box, with a comma",box-0,0,,Box,Index', 'boxes,"box, with a comma",box-1,1,,Box,Index']);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('A alone is unlabelled; compare mode labels A and B and gives B’s charts their own ids', () => {
    const values = { size: 1 };
    expect(compareSides({ values, seed: 1, compare: false, valuesB: { size: 2 } })).toEqual([{ label: '', values }]);
    expect(compareSides({ values, seed: 1, compare: true, valuesB: { size: 2 } }).map((s) => [s.label, s.values.size])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect([sideChartId('x', ''), sideChartId('x', 'A'), sideChartId('x', 'B')]).toEqual(['x', 'x', 'x-b']);
    expect([sidePrefix(''), sidePrefix('B')]).toEqual(['', 'B: ']);
  });
});
