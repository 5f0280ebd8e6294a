import { intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { MetastabilityCellResult } from '../metastability-cell.ts';
import { metastabilitySpec } from './metastability.ts';
import { retryStormSpec } from './retry-storm.ts';

const map = metastabilitySpec.params;

/** The trigger, in the map's ranges, then the map's own switches and load (its grid aside). */
const params = {
  spikeRate: intParam({ label: 'Load during the spike', unit: 'req/s', default: 300, min: map.minSpike.min, max: map.maxSpike.max }),
  spikeDuration: intParam({ label: 'Spike length', unit: 's', default: 5, min: 1, max: map.maxSpikeDuration.max }),
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
  title: 'One cell of the metastability map',
  // Short: the map widget's page loads this spec.
  description: 'One trigger of the metastability map: the same cell as the whole map gives on the same seed.',
  params,
  summaryDoc: retryStormSpec.summaryDoc,
};
