import type { MetastabilityCell } from '../../../../simulations/scenarios/metastability.ts';
import type { ParamValues } from '../../../params/params.ts';
import type { ResultsOf } from '../../frame/runner/run.ts';
import { num } from '../../stats/format-number.ts';
import type { MapMeta, MapRuns } from './map-plan.ts';
import type { MapSpecs } from './map-specs.ts';
import { stormLink } from './storm-link.ts';

/** A computed cell of the map as drawn: the scenario's cell, with a link in place of its parameters. */
export interface ComputedCellView extends Omit<MetastabilityCell, 'params'> {
  readonly computed: true;
  /** The retry-storm widget set to this cell. */
  readonly href: string;
}

/** A cell whose run has not come back yet: its trigger only, no outcome. */
export interface PendingCellView {
  readonly computed: false;
  readonly spikeRate: number;
  readonly spikeDuration: number;
}

export type MapCellView = ComputedCellView | PendingCellView;

/**
 * Per trigger length: the smallest trigger the system did not recover from;
 * null when it recovered from every size tried; 'pending' while a cell
 * below the first sustained one (or any cell, when none is sustained yet)
 * is still being computed.
 */
export type MapBoundary = number | null | 'pending';

export interface MapSideView {
  readonly label: string;
  /** The defences in words: "no defences (1,000 ms timeout)", "a retry budget, LIFO (1,000 ms timeout)". */
  readonly defences: string;
  readonly baseRate: number;
  readonly spikeRates: readonly number[];
  readonly spikeDurations: readonly number[];
  /** cells[i][j]: spikeRates[i] × spikeDurations[j]. */
  readonly cells: readonly (readonly MapCellView[])[];
  readonly boundary: readonly MapBoundary[];
  /** Of the computed cells, those after which the system recovered. */
  readonly recoveredCells: number;
  readonly computedCells: number;
  readonly cellCount: number;
}

export interface MapView {
  readonly sides: MapSideView[];
}

/**
 * The map of each side from the cells computed so far (all of them for the
 * whole plan, the first ones for a preview): every other cell is pending,
 * drawn and told as such, never given a value.
 */
export function reduceMap(results: ResultsOf<MapRuns>, meta: MapMeta): MapView {
  return {
    sides: meta.sides.map((side, s): MapSideView => {
      const cells: MapCellView[][] = side.spikeRates.map((spikeRate) => side.spikeDurations.map((spikeDuration) => ({ computed: false, spikeRate, spikeDuration })));
      side.planned.forEach(([i, j], k) => {
        const { params, ...cell } = results[s][k].cell;
        cells[i][j] = { ...cell, computed: true, href: stormLink(params, meta.seed) };
      });
      const all = cells.flat();
      return {
        label: side.label,
        defences: describeDefences(side.values),
        baseRate: side.values.baseRate,
        spikeRates: side.spikeRates,
        spikeDurations: side.spikeDurations,
        cells,
        boundary: side.spikeDurations.map((_, j) => boundaryOf(cells.map((row) => row[j]))),
        recoveredCells: all.filter((c) => c.computed && c.recovered).length,
        computedCells: all.filter((c) => c.computed).length,
        cellCount: all.length,
      };
    }),
  };
}

/** The boundary of one trigger length, from its cells by ascending size. */
function boundaryOf(column: readonly MapCellView[]): MapBoundary {
  for (const c of column) {
    if (!c.computed) return 'pending';
    if (!c.recovered) return c.spikeRate;
  }
  return null;
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
