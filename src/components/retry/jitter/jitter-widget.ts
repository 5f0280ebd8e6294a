import { firstHalfOfSeeds, firstSeedOnly } from '../../frame/runner/preview.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { jitterCharts } from './jitter-charts.ts';
import { planJitter } from './jitter-plan.ts';
import { jitterSpecs, type JitterSpecs } from './jitter-specs.ts';
import { reduceJitter } from './jitter-view.ts';

export const jitterWidget = defineWidget({
  id: 'jitter',
  title: 'Backoff and jitter under contention',
  description:
    'Brooker’s experiment: N clients race to update one row with optimistic concurrency and back off after each conflict. All five strategies run on the same seeds.',
  specs: jitterSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'brooker', label: 'Brooker’s setup: 50 clients', values: {} },
    { id: 'crowd', label: 'A crowd: 200 clients', values: { clients: 200 } },
    { id: 'few', label: 'Little contention: 5 clients', values: { clients: 5 } },
    { id: 'low-cap', label: 'Low cap: 100 ms', values: { cap: 100 } },
    { id: 'compare-crowd', label: 'Compare: 50 vs 200 clients', values: {}, compareWith: { clients: 200 } },
  ],
  plan: planJitter,
  preview: (state) => planJitter(firstSeedOnly(state, 'runs')),
  refine: (state) => [planJitter(firstHalfOfSeeds(state, 'runs'))],
  reduce: reduceJitter,
  figures: jitterCharts,
});
