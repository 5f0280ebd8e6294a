import type { HealthDetectionResult, HealthTimeline } from '../../../../simulations/scenarios/health-detection.ts';
import type { ParamValues } from '../../../params/params.ts';
import type { TimelineMeta } from './timeline-plan.ts';
import type { TimelineSpecs } from './timeline-specs.ts';

export interface TimelineSideView {
  readonly label: string;
  readonly values: ParamValues<TimelineSpecs>;
  readonly summary: HealthDetectionResult['summary'];
  /** Each failure's detection time, ms; null if it went undetected. */
  readonly detectionTimes: (number | null)[];
  /** The first failure and the recovery after it, times rounded to the millisecond (the page embeds this view). */
  readonly timeline: HealthTimeline;
  /**
   * Set in a preview: the run simulated only the first `failures` of the
   * side's `values.failures`, so `summary` and `detectionTimes` are over
   * those alone (the timeline is the whole run's already).
   */
  readonly preview?: { readonly failures: number };
}

export interface TimelineView {
  readonly sides: TimelineSideView[];
}

const ms = (t: number) => Math.round(t);

function rounded(t: HealthTimeline): HealthTimeline {
  return {
    ...t,
    endMs: ms(t.endMs),
    failures: t.failures.map((f) => ({ startMs: ms(f.startMs), endMs: ms(f.endMs) })),
    checks: t.checks.map((c) => ({ ...c, t: ms(c.t) })),
    events: t.events.map((e) => ({ ...e, t: ms(e.t) })),
    share: { bucketMs: t.share.bucketMs, perHost: t.share.perHost.map((col) => col.map((x) => Math.round(x * 10_000) / 10_000)) },
  };
}

/** One result per side, in side order. */
export function reduceTimeline(results: HealthDetectionResult[], meta: TimelineMeta): TimelineView {
  return {
    sides: meta.sides.map((side, i): TimelineSideView => {
      const r = results[i];
      return {
        label: side.label,
        values: side.values,
        summary: r.summary,
        detectionTimes: r.detectionTimes.map((t) => (t === null ? null : ms(t))),
        timeline: rounded(r.timeline),
        ...(meta.previewFailures !== undefined ? { preview: { failures: meta.previewFailures } } : {}),
      };
    }),
  };
}
