import { booleanParam, enumParam, intParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { retryStorm, type RetryStormParams } from './retry-storm.ts';

const params = {
  gridSize: intParam({ label: 'Grid', default: 5, min: 2, max: 10, help: 'Trigger sizes × trigger lengths tried, this many of each.' }),
  minSpike: intParam({ label: 'Smallest trigger', unit: 'req/s', default: 200, min: 10, max: 2000, step: 10, help: 'Load during the smallest spike.' }),
  maxSpike: intParam({ label: 'Largest trigger', unit: 'req/s', default: 400, min: 10, max: 2000, step: 10, help: 'Load during the largest spike.' }),
  maxSpikeDuration: intParam({ label: 'Longest trigger', unit: 's', default: 8, min: 1, max: 120, help: 'Spike lengths go from 1 s to this.' }),
  backoffJitter: booleanParam({ label: 'Backoff with jitter', default: false, help: 'Full-jitter exponential backoff (base 100 ms, cap 10 s) instead of retrying at once.' }),
  retryBudget: booleanParam({ label: 'Retry budget', default: false, help: 'A token bucket shared by all clients (gRPC: 10 tokens, ratio 0.1).' }),
  cancellation: booleanParam({ label: 'Cancel abandoned work', default: false, help: 'Work whose client timed out leaves the service at once.' }),
  queueing: enumParam({
    label: 'Queueing',
    default: 'fifo',
    options: ['fifo', 'lifo', 'drop-expired'],
    optionLabels: { fifo: 'FIFO', lifo: 'LIFO', 'drop-expired': 'FIFO, shedding work older than the timeout' },
  }),
  timeout: intParam({ label: 'Attempt timeout', unit: 'ms', default: 1000, min: 50, max: 10_000, step: 50, scale: 'log', help: 'Shorter timeouts give up sooner, and retry sooner.' }),
  baseRate: intParam({ label: 'Base load', unit: 'req/s', default: 150, min: 10, max: 1000, step: 10 }),
  duration: intParam({ label: 'Run length of each cell', unit: 's', default: 30, min: 10, max: 600, step: 10 }),
};

export type MetastabilityParams = ParamValues<typeof params>;

/** When the spike starts in every cell, s: early enough to leave time to recover. */
const SPIKE_START_S = 5;

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

function steps(min: number, max: number, n: number): number[] {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  return Array.from({ length: n }, (_, i) => Math.round(n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
}

/** The retry-storm parameters of one cell: the defaults of retry-storm, this map's switches, this trigger. */
export function cellParams(p: MetastabilityParams, spikeRate: number, spikeDuration: number): RetryStormParams {
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
 * The metastability map (Bronson et al., "Metastable Failures in Distributed
 * Systems", HotOS 2021; Huang et al., "Metastable Failures in the Wild",
 * OSDI 2022): the retry-storm model run once per trigger, over a grid of
 * trigger sizes and lengths, with the same seed in every cell. A cell
 * recovered when goodput after the spike is back to 90% of goodput before
 * it; the boundary between absorbed and sustained triggers is where the
 * system's vulnerable state begins. Each cell is exactly a `retry-storm` run.
 */
export const metastability = defineScenario({
  name: 'metastability',
  title: 'Metastability map: which triggers a system survives',
  description:
    'The retry storm swept over trigger size and length: which spikes the system absorbs and which leave it collapsed after the spike has passed, with backoff, a retry budget, cancellation, LIFO or shedding, and the timeout as switches.',
  params,
  summaryDoc: {
    cells: 'triggers tried (grid × grid)',
    recoveredCells: 'triggers after which goodput came back to 90% of what it was before',
    sustainedCells: 'triggers after which the system stayed collapsed',
    boundaryCells: 'sustained triggers next to an absorbed one (one step smaller or shorter)',
    requests: 'requests over all cells',
    succeeded: 'requests that succeeded, over all cells',
    failed: 'requests whose last attempt got an error, over all cells',
    rejected: 'requests whose retry the budget refused, over all cells',
    timedOut: 'requests whose last attempt timed out, over all cells',
    shed: 'requests shed by the full queue, over all cells',
  },
  run(p, seed, options = {}): MetastabilityResult {
    const spikeRates = steps(p.minSpike, p.maxSpike, p.gridSize);
    const spikeDurations = steps(1, p.maxSpikeDuration, p.gridSize);
    const totals = { requests: 0, succeeded: 0, failed: 0, rejected: 0, timedOut: 0, shed: 0 };
    const n = p.gridSize * p.gridSize;
    let done = 0;
    const cells = spikeRates.map((spikeRate) =>
      spikeDurations.map((spikeDuration): MetastabilityCell => {
        const cp = cellParams(p, spikeRate, spikeDuration);
        const s = retryStorm.run(cp, seed).summary;
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
        options.onProgress?.(++done / n);
        return { spikeRate, spikeDuration, recovered: s.recovered, goodputBefore: s.goodputBefore, goodputAfter: s.goodputAfter, amplification: s.amplification, params: cp };
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
