import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { metastability } from '../../../simulations/scenarios/metastability.ts';
import { coarseToFine } from '../../../src/components/chaos/map/cell-order.ts';
import { mapFigures } from '../../../src/components/chaos/map/map-figures.tsx';
import { planMap, previewMap, refineMap, type MapMeta, type MapRuns } from '../../../src/components/chaos/map/map-plan.ts';
import { mapSpecs, type MapSpecs } from '../../../src/components/chaos/map/map-specs.ts';
import { reduceMap, type MapView } from '../../../src/components/chaos/map/map-view.ts';
import { stormLink } from '../../../src/components/chaos/map/storm-link.ts';
import { runKey, type ResultsOf } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import type { SimulationPlan } from '../../../src/components/frame/runner/useSimulation.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';

const A = defaultValues(mapSpecs);
const state = (over: Partial<WidgetState<MapSpecs>> = {}): WidgetState<MapSpecs> => ({ values: A, seed: 1, compare: false, valuesB: A, ...over });

/** States whose maps are checked against the whole-map scenario: defaults, switches, other grids (one upside down), compare, other seeds. */
const states: [string, WidgetState<MapSpecs>][] = [
  ['defaults, seed 1', state()],
  ['a retry budget, seed 2', state({ seed: 2, values: { ...A, retryBudget: true } })],
  ['LIFO and a 500 ms timeout, seed 7', state({ seed: 7, values: { ...A, queueing: 'lifo', timeout: 500 } })],
  ['a 3 × 3 grid from 400 down to 220 req/s, up to 12 s, seed 3', state({ seed: 3, values: { ...A, gridSize: 3, minSpike: 400, maxSpike: 220, maxSpikeDuration: 12 } })],
  ['compare: none vs a retry budget, seed 5', state({ seed: 5, compare: true, valuesB: { ...A, retryBudget: true } })],
  ['compare: 4 × 4 with backoff vs 2 × 2 with cancellation, seed 11', state({ seed: 11, compare: true, values: { ...A, gridSize: 4, backoffJitter: true }, valuesB: { ...A, gridSize: 2, cancellation: true } })],
];

const viewOf = (plan: SimulationPlan<MapRuns, MapMeta>, results: ResultsOf<MapRuns> = executeRuns(plan.runs)) => reduceMap(results, plan.meta);
const keys = (plan: SimulationPlan<MapRuns, MapMeta>) => plan.runs.flat().map(runKey);

describe('the map, cell by cell', () => {
  it.each(states)('%s: every cell is exactly that cell of the whole-map run (same seed, same params), and so are the boundary and the counts', (_, s) => {
    const plan = planMap(s);
    const view = viewOf(plan);
    plan.meta.sides.forEach((side, i) => {
      const whole = metastability.run({ ...defaultValues(metastability.params), ...side.values }, s.seed);
      const v = view.sides[i];
      expect(v.spikeRates).toEqual(whole.spikeRates);
      expect(v.spikeDurations).toEqual(whole.spikeDurations);
      expect(v.cells).toEqual(whole.cells.map((row) => row.map(({ params, ...cell }) => ({ ...cell, computed: true, href: stormLink(params, s.seed) }))));
      expect(v.boundary).toEqual(whole.boundary);
      expect([v.recoveredCells, v.computedCells, v.cellCount]).toEqual([whole.summary.recoveredCells, whole.summary.cells, whole.summary.cells]);
    });
  });
});

describe('run costs', () => {
  it('each cell’s cost is its requests at four attempts each: within 5% of the requests the run made, times 4 (spikes below the base load, and longer than the run, too)', () => {
    const plan = planMap(state({ compare: true, values: { ...A, maxSpikeDuration: 40 }, valuesB: { ...A, baseRate: 300, maxSpike: 900, maxSpikeDuration: 20 } }));
    const results = executeRuns(plan.runs);
    plan.runs.forEach((side, s) => side.forEach((r, k) => expect(Math.abs(r.cost / 4 - results[s][k].summary.requests) / results[s][k].summary.requests).toBeLessThan(0.05)));
  });
});

describe('preview and refinements', () => {
  it.each(states)('%s: the preview’s runs are among the plan’s; each refinement has the part before it and is among the plan’s', (_, s) => {
    const plan = new Set(keys(planMap(s)));
    const parts = [previewMap(s), ...refineMap(s)];
    let before = new Set<string>();
    for (const part of parts) {
      const mine = new Set(keys(part));
      for (const k of mine) expect(plan.has(k)).toBe(true);
      for (const k of before) expect(mine.has(k)).toBe(true);
      expect(mine.size).toBeGreaterThan(before.size);
      expect(mine.size).toBeLessThan(plan.size);
      before = mine;
    }
  });

  it('the preview is the two mixed corners of a map alone (2 of 25 runs), one a side in compare mode; then twice as many cells each time, up to the whole map', () => {
    expect(previewMap(state()).meta.sides[0].planned).toEqual([
      [4, 0],
      [0, 4],
    ]);
    expect(refineMap(state()).map((p) => p.runs[0].length)).toEqual([4, 8, 16]);
    const compare = state({ compare: true, valuesB: { ...A, retryBudget: true } });
    expect(previewMap(compare).runs.map((side) => side.length)).toEqual([1, 1]);
    expect(refineMap(compare).map((p) => p.runs.map((side) => side.length))).toEqual([
      [2, 2],
      [4, 4],
      [8, 8],
      [16, 16],
    ]);
  });

  it('a 2 × 2 map: the preview’s 2 cells, then the whole map, with no refinement between', () => {
    const s = state({ values: { ...A, gridSize: 2 } });
    expect(keys(previewMap(s))).toHaveLength(2);
    expect(refineMap(s)).toEqual([]);
  });
});

describe('cells coarse to fine', () => {
  it('orders every cell of an n × n map once, corners first (the two mixed ones first), then the 3 × 3 grid of ends and middles', () => {
    for (let n = 2; n <= 10; n++) {
      const order = coarseToFine(n);
      expect(new Set(order.map(([i, j]) => i * n + j)).size).toBe(n * n);
      expect(order.every(([i, j]) => i >= 0 && i < n && j >= 0 && j < n)).toBe(true);
      expect(order.slice(0, 4)).toEqual([
        [n - 1, 0],
        [0, n - 1],
        [0, 0],
        [n - 1, n - 1],
      ]);
    }
    const lines = [0, 2, 4];
    expect(new Set(coarseToFine(5).slice(0, 9).map(([i, j]) => `${i},${j}`))).toEqual(new Set(lines.flatMap((i) => lines.map((j) => `${i},${j}`))));
  });
});

/** The whole map of a compare state, once: partial views are cut from its runs and results. */
const compareState = state({ seed: 3, compare: true, valuesB: { ...A, queueing: 'lifo' } });
const full = planMap(compareState);
const fullResults = executeRuns(full.runs);
const fullView = viewOf(full, fullResults);

/** The view of only some cells of each side: `keep[s][k]` says whether the k-th run of side s is back. */
function partialView(keep: boolean[][]): MapView {
  const meta: MapMeta = { ...full.meta, sides: full.meta.sides.map((side, s) => ({ ...side, planned: side.planned.filter((_, k) => keep[s][k]) })) };
  return reduceMap(
    fullResults.map((side, s) => side.filter((_, k) => keep[s][k])),
    meta,
  );
}

function render(view: MapView): string {
  return mapFigures(view)
    .map((f, i) => (f.kind === 'custom' ? renderToString(f.draw({ width: 640, titleId: `t${i}`, summaryId: `s${i}` })) : ''))
    .join('');
}

describe('a partial map', () => {
  it('never shows a value for a cell not computed: a computed cell is the whole map’s, every other one is pending (no outcome, no link), in the drawing, the words and the CSV (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), { minLength: 2, maxLength: 2 }), (keep) => {
        const view = partialView(keep);
        const figures = mapFigures(view);
        view.sides.forEach((side, s) => {
          const back = new Set(full.meta.sides[s].planned.filter((_, k) => keep[s][k]).map(([i, j]) => `${i},${j}`));
          side.cells.forEach((row, i) =>
            row.forEach((c, j) => {
              if (back.has(`${i},${j}`)) expect(c).toEqual(fullView.sides[s].cells[i][j]);
              else expect(c).toEqual({ computed: false, spikeRate: side.spikeRates[i], spikeDuration: side.spikeDurations[j] });
            }),
          );
          expect(side.computedCells).toBe(back.size);
          const grid = figures[s];
          expect(grid.kind === 'custom' && grid.rows.length).toBe(back.size);
          if (back.size < 25) expect(grid.summary).toContain(`${back.size} of 25 cells computed so far (the other ${25 - back.size} are still running)`);
          else expect(grid.summary).toContain(`recovered from ${side.recoveredCells} of 25 spikes`);
          // A boundary is told only once every cell up to it is back, and then it is the whole map's.
          side.boundary.forEach((b, j) => b === 'pending' || expect(b).toBe(fullView.sides[s].boundary[j]));
        });
        const html = render(view);
        const computed = view.sides.reduce((n, s) => n + s.computedCells, 0);
        expect(html.match(/<a /g)?.length ?? 0).toBe(computed);
        expect(html.match(/data-pending="true"/g)?.length ?? 0).toBe(50 - computed);
        const boundary = figures[2];
        if (boundary.kind !== 'line') throw new Error('the boundary is a line chart');
        boundary.series.forEach((series, s) => series.y.forEach((y, j) => expect(y === null).toBe(view.sides[s].boundary[j] === 'pending')));
      }),
      { numRuns: 40 },
    );
  });

  it('the preview says 1 of 25 cells a side is computed, and draws the 24 others of each side as pending', () => {
    const preview = previewMap(compareState);
    const view = viewOf(preview);
    for (const side of view.sides) expect([side.computedCells, side.cellCount]).toEqual([1, 25]);
    const figures = mapFigures(view);
    expect(figures[0].summary).toMatch(/^A: With a base load of 150 req\/s and no defences \(1,000 ms timeout\), 1 of 25 cells computed so far \(the other 24 are still running\)/);
    expect(render(view).match(/data-pending="true"/g)).toHaveLength(48);
    expect(render(view)).toContain('aria-label="A spike to 250 req/s for 3 s: still being computed."');
  });
});
