import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { mapFigures } from './map-figures.tsx';
import { planMap, previewMap, refineMap } from './map-plan.ts';
import { mapSpecs, type MapSpecs } from './map-specs.ts';
import { reduceMap } from './map-view.ts';

/** Compare starts from A with a retry budget added, or A itself when it already has one. */
function suggestB(a: ParamValues<MapSpecs>): ParamValues<MapSpecs> {
  return a.retryBudget ? { ...a } : { ...a, retryBudget: true };
}

export const mapWidget = defineWidget({
  id: 'metastable',
  title: 'The metastability map: which triggers a system survives',
  description:
    'The retry storm of the retry guide, run once per trigger: spikes of growing size and length on a service that keeps working on abandoned requests. A cell is green when goodput came back after the spike.',
  specs: mapSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'no-defences', label: 'No defences', values: {} },
    { id: 'budget', label: 'A retry budget', values: { retryBudget: true } },
    { id: 'jitter', label: 'Backoff with jitter alone', values: { backoffJitter: true } },
    { id: 'lifo', label: 'LIFO queueing', values: { queueing: 'lifo' } },
    { id: 'compare-budget', label: 'Compare: no defences vs a retry budget', values: {}, compareWith: { retryBudget: true } },
  ],
  suggestB,
  plan: planMap,
  preview: previewMap,
  refine: refineMap,
  reduce: reduceMap,
  figures: mapFigures,
});
