import type { ParamValues } from '../../../params/params.ts';
import type { FailoverResult, FailoverTimeline } from '../../../../simulations/scenarios/failover.ts';
import { FAIL_AT_S, type TimelineMeta } from './timeline-plan.ts';
import type { TimelineSpecs } from './timeline-specs.ts';

export interface TimelineSideView {
  readonly label: '' | 'A' | 'B';
  readonly values: ParamValues<TimelineSpecs>;
  readonly summary: FailoverResult['summary'];
  readonly timeline: FailoverTimeline;
  /** When the primary (level) starts failing and when it stops for good, ms (a flapping primary recovers in between). */
  readonly failure: { readonly startMs: number; readonly endMs: number };
}

export interface TimelineView {
  readonly sides: TimelineSideView[];
}

/** One result per side, in side order: the scenario's own timeline and summary, kept whole for the drawing and its story. */
export function reduceTimeline(results: FailoverResult[], meta: TimelineMeta): TimelineView {
  return {
    sides: meta.sides.map((side, i) => {
      const r = results[i];
      const startMs = FAIL_AT_S * 1000;
      return {
        label: side.label,
        values: side.values,
        summary: r.summary,
        timeline: r.timeline,
        failure: { startMs, endMs: Math.min(startMs + side.values.outage * 1000, r.timeline.endMs) },
      };
    }),
  };
}
