import type { ParamValues } from '../../../params/params.ts';
import type { ChartModel } from '../../charts/chart-model.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { breakerDiagram } from './breaker-diagram.ts';
import { outageBars } from './outage-bars.ts';
import { replayCsv } from './replay-csv.ts';
import { planReplay } from './replay-plan.ts';
import { previewReplay } from './replay-preview.ts';
import { replaySpecs, replayViewSpecs, type ReplaySpecs } from './replay-specs.ts';
import { reduceReplay, type ReplayView } from './replay-view.ts';
import { selfDrivenStates } from './operator-events.ts';
import { timelineModel } from './timeline-model.ts';

/** The breaker's diagram, as its machine defines it. */
export const diagram = breakerDiagram;
export const stateOrder = diagram.nodes.map((n) => n.id);
/** The states a replay can show: the legend keeps them all, whatever the run. */
export const legendStates = selfDrivenStates(diagram);

/** Every chart the widget draws, as models: the timeline's panels and the bars (for the CSV; the widget lays out its own figures). */
export function replayCharts(view: ReplayView): ChartModel[] {
  return [...timelineModel(view, stateOrder, legendStates).panels, outageBars(view)];
}

/** Compare starts from A with the breaker switched the other way. */
function suggestB(a: ParamValues<ReplaySpecs>): ParamValues<ReplaySpecs> {
  return { ...a, breaker: !a.breaker };
}

export const replayWidget = defineWidget({
  id: 'breaker',
  title: 'A circuit breaker through an outage, replayed',
  description:
    'Callers with a timeout and retries send requests to a dependency that fails for a while. Replay the run to watch the breaker trip, probe and close, next to the same run without a breaker.',
  specs: replaySpecs,
  viewSpecs: replayViewSpecs,
  defaultSeed: 1,
  presets: [
    { id: 'errors', label: 'Errors outage, count window (default)', values: {} },
    { id: 'hang', label: 'Hang outage: only the timeout ends a call', values: { outageMode: 'hang' } },
    {
      id: 'thresholds',
      label: 'Compare: aggressive vs conservative thresholds',
      values: { failureRateThreshold: 20, minimumCalls: 5, windowSize: 10 },
      compareWith: { failureRateThreshold: 80, minimumCalls: 50, windowSize: 100 },
    },
    { id: 'open-duration', label: 'Compare: open for 1 s vs 20 s', values: { openDuration: 1000 }, compareWith: { openDuration: 20_000 } },
    { id: 'time-window', label: 'Time-based window of 10 s', values: { window: 'time' } },
    { id: 'retries', label: 'Compare: 2 retries outside the breaker vs none', values: {}, compareWith: { retries: 0 } },
    { id: 'low-traffic', label: 'Low traffic: the minimum is never reached', values: { rate: 1, retries: 0, window: 'time', minimumCalls: 20 } },
  ],
  suggestB,
  plan: planReplay,
  preview: previewReplay,
  reduce: reduceReplay,
  figures: replayCharts,
  csv: replayCsv,
});
