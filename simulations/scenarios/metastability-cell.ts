import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { mapCell, type MetastabilityCell } from './metastability.ts';
import type { RetryStormResult } from './retry-storm.ts';
import { metastabilityCellSpec } from './specs/metastability-cell.ts';

export type MetastabilityCellParams = ParamValues<typeof metastabilityCellSpec.params>;

export interface MetastabilityCellResult extends ScenarioResult {
  /** The retry-storm summary of the cell's run. */
  readonly summary: RetryStormResult['summary'];
  /** The cell as the whole map has it. */
  readonly cell: MetastabilityCell;
}

/**
 * One cell of the metastability map: what `metastability` computes for the
 * trigger `spikeRate` × `spikeDuration` of its grid, with the same switches
 * and seed. A map split into cells can be run a cell at a time (the map
 * widget shows the first cells at once and the rest as they come) and
 * reuses the cells a changed grid keeps.
 */
export const metastabilityCell = defineScenario({
  ...metastabilityCellSpec,
  run(p, seed): MetastabilityCellResult {
    const { cell, summary } = mapCell(p, p.spikeRate, p.spikeDuration, seed);
    return { summary, cell };
  },
});
