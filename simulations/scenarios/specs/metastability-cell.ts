import { intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { MetastabilityCellResult } from '../metastability-cell.ts';
import { metastabilitySpec } from './metastability.ts';
import { retryStormSpec } from './retry-storm.ts';

const map = metastabilitySpec.params;

/** The trigger, in the map's ranges, then the map's own switches and load (its grid aside). */
const params = {
  spikeRate: intParam({ label: 'Trigger size', unit: 'req/s', default: 300, min: map.minSpike.min, max: map.maxSpike.max, help: 'Load during the spike: the row of the map.' }),
  spikeDuration: intParam({ label: 'Trigger length', unit: 's', default: 5, min: 1, max: map.maxSpikeDuration.max, help: 'How long the spike lasts: the column of the map.' }),
  backoffJitter: map.backoffJitter,
  retryBudget: map.retryBudget,
  cancellation: map.cancellation,
  queueing: map.queueing,
  timeout: map.timeout,
  baseRate: map.baseRate,
  duration: map.duration,
};

/** The `metastability-cell` scenario without its run code (`../metastability-cell.ts`): what a page needs to build its runs. */
export const metastabilityCellSpec: ScenarioSpec<typeof params, MetastabilityCellResult> = {
  name: 'metastability-cell',
  title: 'One cell of the metastability map: one trigger, recovered or not',
  description:
    'One trigger of the metastability map, with the same switches: the retry storm hit by one spike, and whether goodput came back after it. The same numbers as that cell of the whole map on the same seed; the map widget runs its cells one by one.',
  params,
  summaryDoc: retryStormSpec.summaryDoc,
};
