import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { supermarketCharts } from './supermarket-charts.ts';
import { planSupermarket, previewSupermarket, refineSupermarket } from './supermarket-plan.ts';
import { supermarketSpecs, type SupermarketSpecs } from './supermarket-specs.ts';
import { reduceSupermarket } from './supermarket-view.ts';

/** Compare starts from A with few backends: how far from the n → ∞ formulas a small cluster is. */
function suggestB(a: ParamValues<SupermarketSpecs>): ParamValues<SupermarketSpecs> {
  return { ...a, backends: a.backends === 5 ? 50 : 5 };
}

export const supermarketWidget = defineWidget({
  id: 'supermarket',
  title: 'The supermarket model: time in system with d choices',
  description:
    'Poisson arrivals to n single-worker backends, each request joining the shortest of d sampled queues (or of all of them), swept over utilization, with Mitzenmacher’s formulas and 1/(1 − λ) for one choice drawn over the simulation.',
  specs: supermarketSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: '50 backends, queues at λ = 0.9', values: {} },
    { id: 'high-load', label: 'Near saturation: queues at λ = 0.95', values: { utilization: 0.95 } },
    { id: 'long-runs', label: 'Longer runs: 30,000 requests per point', values: { requests: 30_000 } },
    { id: 'small-cluster', label: 'A small cluster: 5 backends', values: { backends: 5 } },
    { id: 'compare-size', label: 'Compare: 50 backends vs 5', values: {}, compareWith: { backends: 5 } },
  ],
  suggestB,
  plan: planSupermarket,
  preview: previewSupermarket,
  refine: refineSupermarket,
  reduce: reduceSupermarket,
  figures: supermarketCharts,
});
