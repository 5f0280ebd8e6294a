import { booleanParam, enumParam, intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { MetastabilityResult } from '../metastability.ts';

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

/** When the spike starts in every cell, s: early enough to leave time to recover. */
export const SPIKE_START_S = 5;

/** `n` whole numbers evenly spread from the smaller of `min` and `max` to the larger. */
function steps(min: number, max: number, n: number): number[] {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  return Array.from({ length: n }, (_, i) => Math.round(n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
}

/**
 * The triggers a map of these settings tries, ascending: sizes (req/s) from
 * the smallest to the largest, lengths (s) from 1 to the longest. Here, with
 * the spec, so that a page can lay out the map and plan its cells without
 * the run code.
 */
export function mapTriggers(p: { readonly minSpike: number; readonly maxSpike: number; readonly maxSpikeDuration: number; readonly gridSize: number }): {
  spikeRates: number[];
  spikeDurations: number[];
} {
  return { spikeRates: steps(p.minSpike, p.maxSpike, p.gridSize), spikeDurations: steps(1, p.maxSpikeDuration, p.gridSize) };
}

/** The `metastability` scenario without its run code (`../metastability.ts`): what a page needs to build its runs. */
export const metastabilitySpec: ScenarioSpec<typeof params, MetastabilityResult> = {
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
};
