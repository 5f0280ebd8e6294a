import type { ParamValues } from '../../../params/params.ts';
import { firstHalfOfSeeds, firstSeedOnly } from '../../frame/runner/preview.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { binsCharts } from './bins-charts.ts';
import { planBins } from './bins-plan.ts';
import { binsSpecs, type BinsSpecs } from './bins-specs.ts';
import { reduceBins } from './bins-view.ts';

/** Compare starts from A with ten times the requests: the one change that shows which excess grows with m and which does not. */
function suggestB(a: ParamValues<BinsSpecs>): ParamValues<BinsSpecs> {
  return { ...a, requests: Math.min(binsSpecs.requests.max, a.requests * 10) };
}

export const binsWidget = defineWidget({
  id: 'bins',
  title: 'Balls into bins: one choice or two',
  description:
    'Requests that never finish, placed one by one on n backends by the random balancer (one choice) or by least-request sampling d backends, with the theory of balanced allocations drawn over the simulation.',
  specs: binsSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: '10,000 requests on 100 backends', values: {} },
    { id: 'one-each', label: 'One request per backend: 1,000 on 1,000', values: { requests: 1000, backends: 1000 } },
    { id: 'heavy', label: 'Heavily loaded: 100,000 on 100', values: { requests: 100_000 } },
    { id: 'three', label: 'Three choices', values: { choices: 3 } },
    { id: 'compare-load', label: 'Compare: 10,000 vs 100,000 requests', values: {}, compareWith: { requests: 100_000 } },
  ],
  suggestB,
  plan: planBins,
  preview: (state) => planBins(firstSeedOnly(state, 'runs')),
  refine: (state) => [planBins(firstHalfOfSeeds(state, 'runs'))],
  reduce: reduceBins,
  figures: binsCharts,
});
