import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { playgroundFigures } from './playground-charts.ts';
import { planPlayground } from './playground-plan.ts';
import { playgroundSpecs, type PlaygroundSpecs } from './playground-specs.ts';
import { reducePlayground } from './playground-view.ts';

/** Compare starts from A with the injector moved to the other end of the pipeline: the one change that shows what position does. */
function suggestB(a: ParamValues<PlaygroundSpecs>): ParamValues<PlaygroundSpecs> {
  return { ...a, position: a.position === 'inside' ? 'outside' : 'inside' };
}

export const playgroundWidget = defineWidget({
  id: 'inject',
  title: 'What each injector does to a call',
  description:
    'One caller, a pipeline (retry, per-attempt timeout, chaos injector) and a service, call after call on virtual time. The injector decides with the library’s own injection core; the retry is the library’s retry core.',
  specs: playgroundSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'fault-retried', label: 'Fault inside a retry: mostly hidden', values: {} },
    { id: 'fault-no-retry', label: 'Fault without a retry: the caller sees it', values: { retry: false } },
    { id: 'outcome', label: 'Fake 503 inside a retry: not retried', values: { injector: 'outcome' } },
    { id: 'latency-timeout', label: 'Latency cut short by the timeout', values: { injector: 'latency' } },
    { id: 'latency-no-timeout', label: 'Latency with no timeout', values: { injector: 'latency', timeout: false } },
    { id: 'compare-position', label: 'Compare: innermost vs outermost', values: {}, compareWith: { position: 'outside' } },
  ],
  suggestB,
  plan: planPlayground,
  reduce: reducePlayground,
  figures: playgroundFigures,
});
