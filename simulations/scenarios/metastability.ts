import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { retryStormSummary, type RetryStormParams, type RetryStormResult } from './retry-storm.ts';
import { mapTriggers, metastabilitySpec, SPIKE_START_S } from './specs/metastability.ts';

const params = metastabilitySpec.params;

export type MetastabilityParams = ParamValues<typeof params>;

/** One cell of the map: a trigger and what became of the system after it. */
export interface MetastabilityCell {
  /** Load during the spike, req/s. */
  readonly spikeRate: number;
  /** Spike length, s. */
  readonly spikeDuration: number;
  readonly recovered: boolean;
  readonly goodputBefore: number;
  readonly goodputAfter: number;
  readonly amplification: number;
  /** The retry-storm parameters of this cell: run `retry-storm` with them (and the same seed) to see it over time. */
  readonly params: RetryStormParams;
}

export interface MetastabilityResult extends ScenarioResult {
  readonly summary: {
    cells: number;
    recoveredCells: number;
    sustainedCells: number;
    /** Sustained cells whose smaller or shorter neighbour recovered: the length of the boundary. */
    boundaryCells: number;
    requests: number;
    succeeded: number;
    failed: number;
    rejected: number;
    timedOut: number;
    shed: number;
  };
  /** The trigger sizes (req/s) and lengths (s) of the grid, ascending. */
  readonly spikeRates: readonly number[];
  readonly spikeDurations: readonly number[];
  /** cells[i][j]: spikeRates[i] × spikeDurations[j]. */
  readonly cells: readonly (readonly MetastabilityCell[])[];
  /**
   * For each trigger length (same order as spikeDurations): the smallest
   * trigger size that the system did not recover from, or null when it
   * absorbed every size tried. Triggers below it were absorbed.
   */
  readonly boundary: readonly (number | null)[];
}

/** What a cell depends on besides its trigger: the map's switches and load, not its grid. */
export type MapCellSettings = Pick<MetastabilityParams, 'backoffJitter' | 'retryBudget' | 'cancellation' | 'queueing' | 'timeout' | 'baseRate' | 'duration'>;

/** The retry-storm parameters of one cell: the defaults of retry-storm, this map's switches, this trigger. */
export function cellParams(p: MapCellSettings, spikeRate: number, spikeDuration: number): RetryStormParams {
  return {
    backoff: p.backoffJitter ? 'full' : 'none',
    budget: p.retryBudget ? 'token-bucket' : 'none',
    retries: 3,
    timeout: p.timeout,
    baseRate: p.baseRate,
    spikeRate,
    spikeStart: SPIKE_START_S,
    spikeDuration,
    duration: p.duration,
    workers: 8,
    serviceTime: 20,
    contention: 1,
    queueCapacity: 1000,
    cancellation: p.cancellation,
    queueing: p.queueing,
  };
}

/**
 * One cell of the map: the retry-storm model with this trigger on `seed`,
 * and the run's whole summary (the map adds up its request counts). The
 * whole map and the `metastability-cell` scenario both compute a cell here,
 * so a cell run alone gives exactly the numbers of the same cell in the map.
 */
export function mapCell(p: MapCellSettings, spikeRate: number, spikeDuration: number, seed: number): { cell: MetastabilityCell; summary: RetryStormResult['summary'] } {
  const cp = cellParams(p, spikeRate, spikeDuration);
  const s = retryStormSummary(cp, seed);
  return {
    cell: { spikeRate, spikeDuration, recovered: s.recovered, goodputBefore: s.goodputBefore, goodputAfter: s.goodputAfter, amplification: s.amplification, params: cp },
    summary: s,
  };
}

/**
 * The metastability map (Bronson et al., "Metastable Failures in Distributed
 * Systems", HotOS 2021; Huang et al., "Metastable Failures in the Wild",
 * OSDI 2022): the retry-storm model run once per trigger, over a grid of
 * trigger sizes and lengths, with the same seed in every cell. A cell
 * recovered when goodput after the spike is back to 90% of goodput before
 * it; the boundary between absorbed and sustained triggers is where the
 * system's vulnerable state begins. Each cell is exactly a `retry-storm` run,
 * and a `metastability-cell` run (what the map widget runs, cell by cell).
 */
export const metastability = defineScenario({
  ...metastabilitySpec,
  run(p, seed, options = {}): MetastabilityResult {
    const { spikeRates, spikeDurations } = mapTriggers(p);
    const totals = { requests: 0, succeeded: 0, failed: 0, rejected: 0, timedOut: 0, shed: 0 };
    const n = p.gridSize * p.gridSize;
    let done = 0;
    const cells = spikeRates.map((spikeRate) =>
      spikeDurations.map((spikeDuration): MetastabilityCell => {
        const { cell, summary } = mapCell(p, spikeRate, spikeDuration, seed);
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += summary[k];
        options.onProgress?.(++done / n);
        return cell;
      }),
    );
    const boundary = spikeDurations.map((_, j) => cells.find((row) => !row[j].recovered)?.[j].spikeRate ?? null);
    let recoveredCells = 0;
    let boundaryCells = 0;
    cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c.recovered) recoveredCells++;
        else if ((i > 0 && cells[i - 1][j].recovered) || (j > 0 && row[j - 1].recovered)) boundaryCells++;
      }),
    );
    return {
      summary: { cells: n, recoveredCells, sustainedCells: n - recoveredCells, boundaryCells, ...totals },
      spikeRates,
      spikeDurations,
      cells,
      boundary,
    };
  },
});
