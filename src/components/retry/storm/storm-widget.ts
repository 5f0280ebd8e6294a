import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { stormCharts } from './storm-charts.ts';
import { planStorm } from './storm-plan.ts';
import { previewStorm } from './storm-preview.ts';
import { stormSpecs, type StormSpecs } from './storm-specs.ts';
import { reduceStorm } from './storm-view.ts';

/** Compare starts from A plus the one change that breaks the loop, or A itself when A already has a budget. */
function suggestB(a: ParamValues<StormSpecs>): ParamValues<StormSpecs> {
  return a.budget === 'none' ? { ...a, budget: 'token-bucket' } : { ...a };
}

export const stormWidget = defineWidget({
  id: 'storm',
  title: 'A retry storm that outlives its trigger',
  description:
    'Open-loop clients with timeouts and retries call a service that slows down under concurrency and keeps working on requests nobody waits for any more. A short load spike starts the storm.',
  specs: stormSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'no-protection', label: 'No protection: collapses and stays down', values: {} },
    { id: 'token-bucket', label: 'Token-bucket budget: recovers', values: { budget: 'token-bucket' } },
    { id: 'full-jitter', label: 'Full jitter alone: still collapses', values: { backoff: 'full' } },
    { id: 'cancellation', label: 'Cancel abandoned work: recovers', values: { cancellation: true } },
    { id: 'compare-budget', label: 'Compare: no budget vs token bucket', values: {}, compareWith: { budget: 'token-bucket' } },
  ],
  suggestB,
  plan: planStorm,
  preview: previewStorm,
  reduce: reduceStorm,
  figures: stormCharts,
});
