import type { MetastabilityCell, MetastabilityResult } from '../../../../simulations/scenarios/metastability.ts';
import type { ParamValues } from '../../../params/params.ts';
import { num } from '../../stats/format-number.ts';
import type { MapMeta } from './map-plan.ts';
import type { MapSpecs } from './map-specs.ts';
import { stormLink } from './storm-link.ts';

/** A cell of the map as drawn: the scenario's cell, with a link in place of its parameters. */
export interface MapCellView extends Omit<MetastabilityCell, 'params'> {
  /** The retry-storm widget set to this cell. */
  readonly href: string;
}

export interface MapSideView {
  readonly label: string;
  /** The defences in words: "no defences (1,000 ms timeout)", "a retry budget, LIFO (1,000 ms timeout)". */
  readonly defences: string;
  readonly baseRate: number;
  readonly spikeRates: readonly number[];
  readonly spikeDurations: readonly number[];
  /** cells[i][j]: spikeRates[i] × spikeDurations[j]. */
  readonly cells: readonly (readonly MapCellView[])[];
  /** Per trigger length, the smallest trigger the system did not recover from; null when it recovered from all. */
  readonly boundary: readonly (number | null)[];
  readonly recoveredCells: number;
  readonly cellCount: number;
}

export interface MapView {
  readonly sides: MapSideView[];
}

export function reduceMap(results: MetastabilityResult[], meta: MapMeta): MapView {
  return {
    sides: meta.sides.map((side, i): MapSideView => {
      const r = results[i];
      return {
        label: side.label,
        defences: describeDefences(side.values),
        baseRate: side.values.baseRate,
        spikeRates: r.spikeRates,
        spikeDurations: r.spikeDurations,
        cells: r.cells.map((row) => row.map(({ params, ...cell }) => ({ ...cell, href: stormLink(params, meta.seed) }))),
        boundary: r.boundary,
        recoveredCells: r.summary.recoveredCells,
        cellCount: r.summary.cells,
      };
    }),
  };
}

const queueingWords: Record<ParamValues<MapSpecs>['queueing'], string> = { fifo: 'FIFO queueing', lifo: 'LIFO queueing', 'drop-expired': 'shedding expired work' };

export function describeDefences(v: ParamValues<MapSpecs>): string {
  const on = [
    v.retryBudget && 'a retry budget',
    v.backoffJitter && 'backoff with jitter',
    v.cancellation && 'cancellation of abandoned work',
    v.queueing !== 'fifo' && queueingWords[v.queueing],
  ].filter((x): x is string => typeof x === 'string');
  return `${on.length === 0 ? 'no defences' : on.join(', ')} (${num(v.timeout)} ms timeout)`;
}
