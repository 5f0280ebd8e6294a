import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { runnerFigures } from './runner-charts.ts';
import { planRunner, previewRunner } from './runner-plan.ts';
import { runnerSpecs, type RunnerSpecs } from './runner-specs.ts';
import { reduceRunner } from './runner-view.ts';

/** Compare starts from A with the fault turned from latency to errors, or back: the first lesson of this page. */
function suggestB(a: ParamValues<RunnerSpecs>): ParamValues<RunnerSpecs> {
  return { ...a, fault: a.fault === 'latency' ? 'errors' : 'latency' };
}

export const runnerWidget = defineWidget({
  id: 'experiment',
  title: 'A chaos experiment, probe by probe',
  description:
    'An edge calls services A and B, and B calls a store, ten hosts each. One fault goes into one target for 20 s; the steady-state hypothesis is checked every second, and a guard stops the fault at once when it is breached.',
  specs: runnerSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'latency', label: 'Latency into B: refuted', values: {} },
    { id: 'errors', label: 'Errors into B, retried: held', values: { fault: 'errors' } },
    { id: 'latency-fallback', label: 'Latency with a fallback: still refuted', values: { fallback: true } },
    { id: 'wide', label: 'The whole of B: the guard aborts', values: { blastRadius: 1 } },
    { id: 'wide-no-guard', label: 'The whole of B without a guard', values: { blastRadius: 1, abortBelow: 0 } },
    { id: 'compare-fault', label: 'Compare: latency vs errors', values: {}, compareWith: { fault: 'errors' } },
  ],
  suggestB,
  plan: planRunner,
  preview: previewRunner,
  reduce: reduceRunner,
  figures: runnerFigures,
});
