import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { intParam } from '../../../src/params/params.ts';
import { defineScenario } from '../../../simulations/scenario.ts';
import { CSV_HEADER } from '../../../src/components/export/chart-csv.ts';
import { FigureWidget, type FigureWidgetDefinition } from '../../../src/components/load-balancing/frame/FigureWidget.tsx';
import { figuresCsv } from '../../../src/components/load-balancing/frame/figures-csv.ts';
import type { FigureModel } from '../../../src/components/load-balancing/frame/figure-model.ts';
import { compareSides, sideChartId, sidePrefix } from '../../../src/components/load-balancing/frame/compare-sides.ts';
import { swatchLegend } from '../../../src/components/load-balancing/frame/SwatchLegend.tsx';
import { scenarioLookup } from '../../../src/components/runner/scenario-lookup.ts';

const specs = { size: intParam({ label: 'Size', default: 3, min: 1, max: 9 }) };
const boxes = defineScenario({
  name: 'boxes',
  title: 'Boxes',
  description: 'n boxes',
  params: specs,
  summaryDoc: { size: 'boxes' },
  run: (p) => ({ summary: { size: p.size } }),
});

const figures = (size: number): FigureModel[] => [
  {
    kind: 'line',
    id: 'line',
    title: 'A line',
    x: { label: 'x' },
    y: { label: 'y' },
    series: [{ key: 's', label: 'S, "quoted"', color: 1, x: [0, 1], y: [0, size] }],
    summary: `Up to ${size}.`,
  },
  {
    kind: 'custom',
    id: 'boxes',
    title: 'Boxes',
    summary: `${size} boxes.`,
    draw: ({ width, titleId, summaryId }) => (
      <svg data-chart="boxes" role="img" aria-labelledby={`${titleId} ${summaryId}`} viewBox={`0 0 ${width} 20`}>
        <title id={titleId}>Boxes</title>
        {Array.from({ length: size }, (_, i) => (
          <rect key={i} x={i * 20} width={10} height={10} />
        ))}
      </svg>
    ),
    rows: Array.from({ length: size }, (_, i) => ({ series: 'box, with a comma', x: `box-${i}`, y: i, xLabel: 'Box', yLabel: 'Index' })),
  },
];

const definition: FigureWidgetDefinition<typeof specs, null, number> = {
  id: 'boxy',
  title: 'Boxy',
  description: 'Draws boxes.',
  specs,
  defaultSeed: 1,
  presets: [],
  lookup: scenarioLookup([boxes]),
  plan: (s) => ({ runs: [{ scenario: 'boxes', params: s.values, seed: s.seed, cost: 1 }], meta: null }),
  reduce: (results) => results[0].summary.size as number,
  figures: (size) => figures(size),
};

describe('FigureWidget and its CSV', () => {
  const html = renderToString(<FigureWidget definition={definition} />);

  it('keeps the widget contract: root, controls, tools, run status, carrier', () => {
    expect(html).toMatch(/^<section class="rl-widget not-content" data-widget="boxy" data-state="idle" aria-labelledby="boxy-title"/);
    expect(html).toContain('id="boxy-size"');
    expect(html).toContain('name="seed"');
    for (const b of ['Reset', 'Download SVG', 'Download CSV']) expect(html).toContain(`>${b}</button>`);
    expect(html).toContain('data-testid="run-status"');
    expect(html).toContain('data-build-default="boxy"');
  });

  it('draws custom figures in a figure whose caption the SVG names, next to the shared charts', () => {
    expect(html).toContain('<svg data-chart="line"');
    expect(html).toContain('<svg data-chart="boxes" role="img" aria-labelledby="boxy-boxes-title boxy-boxes-summary"');
    expect(html).toMatch(/<figcaption id="boxy-boxes-summary" data-testid="chart-summary"[^>]*>3 boxes\.<\/figcaption>/);
    expect(html.match(/<rect x="\d+" width="10"/g)).toHaveLength(3);
  });

  it('exports one long-form CSV: the charts’ rows, then the custom rows, all under the shared header and quoted where needed', () => {
    const lines = figuresCsv(figures(2)).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.slice(1, -1)).toEqual(['line,"S, ""quoted""",0,0,,x,y', 'line,"S, ""quoted""",1,2,,x,y', 'boxes,"box, with a comma",box-0,0,,Box,Index', 'boxes,"box, with a comma",box-1,1,,Box,Index']);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('sides: A alone is unlabelled; compare mode labels A and B and gives B’s charts their own ids', () => {
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

describe('swatchLegend', () => {
  const item = (key: string, label: string) => ({ key, label, swatch: <rect width={10} height={10} /> });

  it('puts short items on one row, and wraps to a new row only when the next one does not fit', () => {
    expect(swatchLegend([item('a', 'One'), item('b', 'Two')], 600, 0, 0).height).toBe(18);
    expect(swatchLegend([item('a', 'One'), item('b', 'Two')], 80, 0, 0).height).toBe(36);
  });

  it('wraps a label longer than the width over several lines instead of running off the drawing', () => {
    const long = 'Moved between two backends that stayed: needless';
    const { element, height } = swatchLegend([item('a', long)], 200, 0, 0);
    const html = renderToString(<svg>{element}</svg>);
    const lines = [...html.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    expect(height).toBe(18 + (lines.length - 1) * 15);
  });
});
