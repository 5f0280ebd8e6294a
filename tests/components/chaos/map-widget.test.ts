import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { metastabilitySpec } from '../../../simulations/scenarios/specs/metastability.ts';
import { metastabilityCellSpec } from '../../../simulations/scenarios/specs/metastability-cell.ts';
import { mapFigures } from '../../../src/components/chaos/map/map-figures.tsx';
import { planMap } from '../../../src/components/chaos/map/map-plan.ts';
import { mapSpecs } from '../../../src/components/chaos/map/map-specs.ts';
import type { ComputedCellView, MapCellView, MapView } from '../../../src/components/chaos/map/map-view.ts';
import { mapWidget } from '../../../src/components/chaos/map/map-widget.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { readWidgetUrl } from '../../../src/components/frame/url/widget-url.ts';
import { stormWidget } from '../../../src/components/retry/storm/storm-widget.ts';
import { presetView, valuesView } from './preset-view.ts';

const A = defaultValues(mapSpecs);
const view = (preset: string) => presetView(mapWidget, preset);
const grid = (v: MapView, side = 0) => v.sides[side].cells.map((row) => row.map((c) => (!c.computed ? '?' : c.recovered ? 'R' : 'x')).join('')).join('/');

/** A cell of a whole view, known to be computed. */
function computed(c: MapCellView): ComputedCellView {
  if (!c.computed) throw new Error(`cell ${c.spikeRate} req/s × ${c.spikeDuration} s of a whole map is pending`);
  return c;
}

/**
 * Opens a cell's link the way the retry page does: the storm widget reads
 * its state from the query, plans and runs it. The link reproduces the cell
 * when the widget takes every value as given and its run ends the same way.
 */
function stormRunOf(href: string) {
  const url = new URL(href, 'https://example.org');
  expect(url.pathname).toBe('/retry-strategies/');
  expect(url.hash).toBe(`#${stormWidget.id}-title`);
  const { state, notices } = readWidgetUrl(url.search, stormWidget.id, stormWidget.specs, stormWidget.defaultSeed, stormWidget.viewSpecs);
  expect(notices, `notices for ${href}`).toEqual([]);
  const plan = stormWidget.plan(state);
  return executeRuns(plan.runs)[0];
}

describe('metastability map widget', () => {
  it('runs every cell of A’s and B’s maps on the same seed, one metastability-cell run each, with the scenario’s defaults for what the widget does not show', () => {
    const plan = planMap({ values: A, seed: 4, compare: true, valuesB: { ...A, retryBudget: true } });
    expect(plan.runs.map((side) => side.length)).toEqual([25, 25]);
    for (const r of plan.runs.flat()) expect([r.scenario, r.seed]).toEqual([metastabilityCellSpec, 4]);
    const { gridSize, minSpike, maxSpike, maxSpikeDuration, ...settings } = defaultValues(metastabilitySpec.params);
    expect(plan.runs[0][0].params).toEqual({ ...settings, spikeRate: 400, spikeDuration: 1 });
    expect(plan.runs[1].every((r) => r.params.retryBudget)).toBe(true);
    expect(new Set(plan.runs[0].map((r) => `${r.params.spikeRate}×${r.params.spikeDuration}`)).size).toBe(25);
  });

  it('compare starts B with a retry budget when A has none', () => {
    expect(mapWidget.suggestB!(A).retryBudget).toBe(true);
    expect(mapWidget.suggestB!({ ...A, retryBudget: true, queueing: 'lifo' })).toEqual({ ...A, retryBudget: true, queueing: 'lifo' });
  });

  it('every cell’s link opens the retry-storm widget on that very run: same parameters, same seed, same ending', () => {
    for (const preset of ['no-defences', 'lifo']) {
      for (const row of view(preset).sides[0].cells) {
        for (const cell of row.map(computed)) {
          const r = stormRunOf(cell.href);
          expect(r.summary.recovered, `${preset}: ${cell.spikeRate} req/s for ${cell.spikeDuration} s`).toBe(cell.recovered);
          expect(r.summary.goodputAfter).toBe(cell.goodputAfter);
        }
      }
    }
  });

  // The numbers of the page's lead-in "What to try: the metastabilitySpec map".
  it('no defences: the service recovers from 9 of 25 spikes; 1 s spikes pass up to 350 req/s, spikes of 5 s and more only at 200', () => {
    const s = view('no-defences').sides[0];
    expect([s.recoveredCells, s.cellCount]).toEqual([9, 25]);
    expect(s.spikeRates).toEqual([200, 250, 300, 350, 400]);
    expect(s.spikeDurations).toEqual([1, 3, 5, 6, 8]);
    expect(s.boundary).toEqual([400, 300, 250, 250, 250]);
    // A spike to 300 req/s: absorbed when it lasts 1 s, sustained from 3 s on.
    expect(s.cells[2].map((c) => computed(c).recovered)).toEqual([true, false, false, false, false]);
  });

  it('cancelling abandoned work: all 25 recover', () => {
    expect(valuesView(mapWidget, { cancellation: true }).sides[0].recoveredCells).toBe(25);
  });

  it('backoff with jitter alone changes no cell; a retry budget saves all but 3; LIFO saves all 25', () => {
    expect(grid(view('jitter'))).toBe(grid(view('no-defences')));
    expect(view('budget').sides[0].recoveredCells).toBe(22);
    expect(view('lifo').sides[0].recoveredCells).toBe(25);
  });

  it('says it in words and draws a grid of links, then the boundary of A and B in one chart', () => {
    const figures = mapFigures(view('compare-budget'));
    expect(figures.map((f) => f.id)).toEqual(['metastability-map', 'metastability-map-b', 'boundary']);
    expect(figures[0].summary).toMatch(/^A: With a base load of 150 req\/s and no defences \(1,000 ms timeout\), the service recovered from 9 of 25 spikes/);
    expect(figures[1].summary).toMatch(/^B: .*a retry budget.* recovered from 22 of 25/);
    const boundary = figures[2];
    if (boundary.kind !== 'line') throw new Error('the boundary is a line chart');
    expect(boundary.series.map((s) => s.y)).toEqual([
      [350, 250, 200, 200, 200],
      [400, 400, 400, 350, 300],
    ]);
  });
});
