import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { hedgingCharts } from './hedging-charts.ts';
import { planHedging, previewHedging, refineHedging } from './hedging-plan.ts';
import { hedgingSpecs, type HedgingSpecs } from './hedging-specs.ts';
import { reduceHedging } from './hedging-view.ts';

/** Compare starts from A with a budget when A has none, else from A hedging at the 95th percentile. */
function suggestB(a: ParamValues<HedgingSpecs>): ParamValues<HedgingSpecs> {
  return a.budget === 'none' ? { ...a, budget: 'ratio' } : { ...a, hedgePercentile: 95 };
}

/** The server near its capacity: four workers, a mild hiccup, 250 requests a second. */
const underLoad = { workers: 4, rate: 250, fastMs: 10, slowMs: 30, slowFraction: 0.1 } as const;

export const hedgingWidget = defineWidget({
  id: 'hedging',
  title: 'Hedged requests: the tail, and what it costs',
  description:
    'A client sends 2,000 requests to a server whose attempts are fast except for hiccups, and hedges: after a delay without an answer it sends another attempt, takes the first answer and cancels the rest.',
  specs: hedgingSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: 'Hedge after 50 ms, 5% hiccups of 1 s', values: {} },
    { id: 'no-hedging', label: 'No hedging', values: { hedgeDelay: 0 } },
    { id: 'p95', label: 'Hedge at the 95th percentile of recent latencies', values: { hedgePercentile: 95 } },
    { id: 'too-early', label: 'Hedge too early: after 5 ms', values: { hedgeDelay: 5 } },
    { id: 'under-load', label: 'Under load, hedging too early, no budget', values: { ...underLoad, hedgeDelay: 5 } },
    {
      id: 'compare-budget',
      label: 'Compare under load: no budget vs at most 10% extra',
      values: { ...underLoad, hedgeDelay: 5 },
      compareWith: { ...underLoad, hedgeDelay: 5, budget: 'ratio' },
    },
  ],
  suggestB,
  plan: planHedging,
  preview: previewHedging,
  refine: refineHedging,
  reduce: reduceHedging,
  figures: hedgingCharts,
});
