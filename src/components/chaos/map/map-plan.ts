import { defaultValues } from '../../../params/params.ts';
import { mapTriggers, metastabilitySpec, SPIKE_START_S } from '../../../../simulations/scenarios/specs/metastability.ts';
import { metastabilityCellSpec } from '../../../../simulations/scenarios/specs/metastability-cell.ts';
import type { MetastabilityCellResult } from '../../../../simulations/scenarios/metastability-cell.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { coarseToFine, type CellIndex } from './cell-order.ts';
import type { MapSpecs } from './map-specs.ts';

export interface MapSide extends CompareSide<MapSpecs> {
  /** The trigger sizes (req/s) and lengths (s) of the side's map, ascending. */
  readonly spikeRates: readonly number[];
  readonly spikeDurations: readonly number[];
  /** The cells this plan computes, in the order of the side's runs: the first ones of `coarseToFine`. */
  readonly planned: readonly CellIndex[];
}

export interface MapMeta {
  readonly sides: readonly MapSide[];
  readonly seed: number;
}

/** Per side, one `metastability-cell` run per planned cell. */
export type MapRuns = Run<MetastabilityCellResult>[][];

/**
 * Cells in the preview, over both sides: 2.5 to 4 ms each once warm in
 * Chromium, so that with drawing the map the preview is on screen in the
 * frame the slider moved in. In bench:site (Chromium, 2 cores), presses
 * after the first: with 4 cells the first chart came at a median of 18 ms,
 * with 2 at 7 to 14 ms.
 */
const PREVIEW_CELLS = 2;

/** The preview's cells a side: one a side in compare mode. */
function previewPerSide(state: WidgetState<MapSpecs>): number {
  return Math.max(1, Math.floor(PREVIEW_CELLS / compareSides(state).length));
}

/**
 * Every cell of each side's map, one run each on the same seed: each cell
 * is exactly that cell of the `metastability` scenario's whole map (and a
 * retry-storm run). Cells are runs of their own so that the map can be
 * drawn as they come (`previewMap`, `refineMap`), and so that a changed
 * grid reruns only its new triggers.
 */
export function planMap(state: WidgetState<MapSpecs>): SimulationPlan<MapRuns, MapMeta> {
  return planCells(state, (all) => all);
}

/**
 * The first cells, coarse to fine: the two corners where the outcome is
 * least obvious, the largest trigger at its shortest and the smallest at
 * its longest (in compare mode, the first of them a side).
 */
export function previewMap(state: WidgetState<MapSpecs>): SimulationPlan<MapRuns, MapMeta> {
  const perSide = previewPerSide(state);
  return planCells(state, (all) => all.slice(0, perSide));
}

/** Then twice as many cells a side each time (4, 8, 16 of 25 at the defaults), until the whole map, which the plan itself is. */
export function refineMap(state: WidgetState<MapSpecs>): SimulationPlan<MapRuns, MapMeta>[] {
  const perSide = previewPerSide(state);
  const cells = state.values.gridSize ** 2;
  const cellsB = state.compare ? state.valuesB.gridSize ** 2 : cells;
  const parts: SimulationPlan<MapRuns, MapMeta>[] = [];
  for (let k = perSide * 2; k < Math.max(cells, cellsB); k *= 2) parts.push(planCells(state, (all) => all.slice(0, k)));
  return parts;
}

function planCells(state: WidgetState<MapSpecs>, pick: (all: CellIndex[]) => CellIndex[]): SimulationPlan<MapRuns, MapMeta> {
  const base = defaultValues(metastabilitySpec.params);
  const sides: MapSide[] = [];
  const runs = compareSides(state).map((side) => {
    // The grid makes the triggers; every other value is the cell's own.
    const { gridSize, minSpike, maxSpike, maxSpikeDuration, ...settings } = { ...base, ...side.values };
    const { spikeRates, spikeDurations } = mapTriggers({ gridSize, minSpike, maxSpike, maxSpikeDuration });
    const planned = pick(coarseToFine(gridSize));
    sides.push({ ...side, spikeRates, spikeDurations, planned });
    return planned.map(([i, j]) => {
      const [spikeRate, spikeDuration] = [spikeRates[i], spikeDurations[j]];
      return run(metastabilityCellSpec, { ...settings, spikeRate, spikeDuration }, state.seed, cellAttempts(settings.baseRate, settings.duration, spikeRate, spikeDuration));
    });
  });
  return { runs, meta: { sides, seed: state.seed } };
}

/**
 * The requests of one cell, at most four attempts each (three retries): its
 * size in attempts. The spike sets the load to its own rate (lower than the
 * base load, too) for as much of it as fits in the run.
 */
function cellAttempts(baseRate: number, duration: number, spikeRate: number, spikeDuration: number): number {
  return (baseRate * duration + (spikeRate - baseRate) * Math.min(spikeDuration, duration - SPIKE_START_S)) * 4;
}
