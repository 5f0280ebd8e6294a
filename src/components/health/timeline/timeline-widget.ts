import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { timelineFigures } from './timeline-figures.tsx';
import { planTimeline, previewTimeline } from './timeline-plan.ts';
import { timelineSpecs, type TimelineSpecs } from './timeline-specs.ts';
import { reduceTimeline } from './timeline-view.ts';

/** Compare starts from A with outlier detection switched over: active checks alone against active plus passive. */
function suggestB(a: ParamValues<TimelineSpecs>): ParamValues<TimelineSpecs> {
  return { ...a, outlierDetection: !a.outlierDetection };
}

export const timelineWidget = defineWidget({
  id: 'health',
  title: 'Health checks: from failure to ejection and back',
  description:
    'Five backends behind a health-aware round-robin balancer at 100 req/s. One fails again and again at random moments; another is healthy but flaky. Active checks, and optionally outlier detection, decide who is in rotation.',
  specs: timelineSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: 'Every second, out after 3 failures, back after 2', values: {} },
    { id: 'fast', label: 'Checks every 200 ms with a 100 ms timeout', values: { interval: 200, timeout: 100 } },
    { id: 'refuse', label: 'The backend refuses connections instead of hanging', values: { failureMode: 'refuse' } },
    { id: 'trigger-happy', label: 'Out after one failed check: the flaky backend pays', values: { unhealthyThreshold: 1, flakyErrorRate: 0.2 } },
    { id: 'outlier', label: 'With passive outlier detection too', values: { outlierDetection: true } },
    { id: 'compare-outlier', label: 'Compare: active checks alone vs with outlier detection', values: {}, compareWith: { outlierDetection: true } },
  ],
  suggestB,
  plan: planTimeline,
  preview: previewTimeline,
  reduce: reduceTimeline,
  figures: timelineFigures,
});
