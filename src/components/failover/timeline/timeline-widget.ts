import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { timelineFigures } from './timeline-figures.tsx';
import { planTimeline } from './timeline-plan.ts';
import { timelineSpecs, type TimelineSpecs } from './timeline-specs.ts';
import { reduceTimeline } from './timeline-view.ts';

/** Compare starts from A with a longer failback hold if A flaps back at once, else with checks twice as frequent. */
function suggestB(a: ParamValues<TimelineSpecs>): ParamValues<TimelineSpecs> {
  if (a.flapping && a.failbackHold === 0) return { ...a, failbackHold: 10 };
  return { ...a, interval: Math.max(timelineSpecs.interval.min, Math.round(a.interval / 200) * 100) };
}

export const failoverWidget = defineWidget({
  id: 'failover',
  title: 'Failover: the primary dies, traffic moves, and comes back',
  description:
    'A client sends requests to a primary and a standby, following the verdicts of active health checks on both. At 20 s the primary fails. How long until traffic moves, how many requests fail meanwhile, and when does it come back?',
  specs: timelineSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: 'Checks every second, out after 3, failback after a 10 s hold', values: {} },
    { id: 'fast-detection', label: 'Fast detection: checks every 200 ms', values: { interval: 200, timeout: 100 } },
    { id: 'slow-detection', label: 'Slow detection: every 5 s, 2 s timeout', values: { interval: 5000, timeout: 2000 } },
    { id: 'errors', label: 'The primary answers with errors instead of hanging', values: { outageKind: 'errors' } },
    { id: 'flapping-no-hold', label: 'Flapping primary, no hold time', values: { flapping: true, failbackHold: 0 } },
    { id: 'flapping-hold', label: 'Flapping primary, 10 s hold', values: { flapping: true } },
    {
      id: 'compare-hold',
      label: 'Compare: flapping with no hold vs a 10 s hold',
      values: { flapping: true, failbackHold: 0 },
      compareWith: { flapping: true },
    },
    { id: 'priority', label: 'Priority levels of 5 hosts (Envoy)', values: { mode: 'priority' } },
  ],
  suggestB,
  plan: planTimeline,
  reduce: reduceTimeline,
  figures: timelineFigures,
});
