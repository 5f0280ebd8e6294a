import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { healthDetection } from '../../../simulations/scenarios/health-detection.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { runKey } from '../../../src/components/frame/runner/run.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import { timelineFigures } from '../../../src/components/health/timeline/timeline-figures.tsx';
import { planTimeline, previewTimeline, previewFailureCount } from '../../../src/components/health/timeline/timeline-plan.ts';
import { timelineSpecs, type TimelineSpecs } from '../../../src/components/health/timeline/timeline-specs.ts';
import { timelineWidget } from '../../../src/components/health/timeline/timeline-widget.ts';
import { count, num, percent } from '../../../src/components/stats/format-number.ts';
import { stateWith, wholeAndPreview } from '../preview-views.ts';

const A = defaultValues(timelineSpecs);

const state = (values: Partial<typeof A> = {}, seed = 1, b?: Partial<typeof A>) => stateWith(timelineSpecs, values, seed, b);
const views = (s: WidgetState<TimelineSpecs>) => wholeAndPreview(timelineWidget, s);

describe('health widget preview: the first few failures of the same run', () => {
  it('at the defaults, runs the first 5 of 20 failures on the same seed, a quarter of the whole run’s cost, none of the plan’s runs, labelled', () => {
    const s = state();
    const plan = timelineWidget.plan(s);
    const p = timelineWidget.preview!(s);
    expect(p.label).toBe('Preview: the first 5 of 20 failures.');
    expect(p.meta.previewFailures).toBe(5);
    expect(p.runs).toHaveLength(1);
    expect(p.runs[0].params).toEqual({ ...plan.runs[0].params, failures: 5 });
    expect(p.runs[0].seed).toBe(plan.runs[0].seed);
    expect(p.runs[0].cost / plan.runs[0].cost).toBeCloseTo(5 / 20, 10);
    const planKeys = new Set(plan.runs.map(runKey));
    for (const r of p.runs) expect(planKeys.has(runKey(r))).toBe(false);
    expect(() => paramSchema(healthDetection.params).parse(p.runs[0].params)).not.toThrow();
  });

  it('takes fewer failures where each costs more, the same count on both sides, and at most half of a side’s; none below 4 failures', () => {
    expect(previewFailureCount(state({ outlierDetection: true }))).toBe(2);
    expect(previewFailureCount(state({}, 1, { outlierDetection: true }))).toBe(2);
    expect(previewFailureCount(state({ interval: 200, timeout: 100 }))).toBe(5);
    expect(previewFailureCount(state({ failures: 6 }))).toBe(3);
    expect(previewFailureCount(state({ failures: 4 }))).toBe(2);
    expect(previewFailureCount(state({ failures: 3 }))).toBeUndefined();
    // A run too small to be worth a preview: the preview is the whole plan, unlabelled.
    const small = state({ failures: 3 });
    expect(previewTimeline(small)).toEqual(planTimeline(small));
    const compare = previewTimeline(state({}, 1, { failures: 30 }));
    expect(compare.runs.map((r) => r.params.failures)).toEqual([5, 5]);
    expect(compare.label).toBe('Preview: the first 5 failures of each run.');
  });

  it('is the whole run up to the end of its last failure: the same first-failure timeline and the first of the same detection times (property over settings and seeds)', () => {
    const settings = fc.record({
      interval: fc.integer({ min: 1, max: 20 }).map((k) => k * 100),
      timeout: fc.integer({ min: 1, max: 100 }).map((k) => k * 10),
      unhealthyThreshold: fc.integer({ min: 1, max: 5 }),
      healthyThreshold: fc.integer({ min: 1, max: 5 }),
      jitter: fc.integer({ min: 0, max: 50 }).map((k) => k * 10),
      failureMode: fc.constantFrom('hang' as const, 'refuse' as const),
      outlierDetection: fc.boolean(),
      flakyErrorRate: fc.integer({ min: 0, max: 50 }).map((k) => k / 100),
      failures: fc.integer({ min: 4, max: 12 }),
    });
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 1000 }), (values, seed) => {
        const s = state(values, seed);
        const p = previewTimeline(s);
        const k = p.meta.previewFailures!;
        const [whole] = executeRuns(planTimeline(s).runs);
        const [part] = executeRuns(p.runs);
        expect(part.timeline).toEqual(whole.timeline);
        expect(part.detectionTimes).toEqual(whole.detectionTimes.slice(0, k));
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the whole run’s axes: the timeline and traffic shares are the whole run’s, the detection chart’s axes too', () => {
    const { whole, preview } = views(state());
    const [wt, ws, wd] = timelineFigures(whole);
    const [pt, ps, pd] = timelineFigures(preview);
    expect(preview.sides[0].timeline).toEqual(whole.sides[0].timeline);
    if (pt.kind !== 'custom' || wt.kind !== 'custom') throw new Error('check-timeline is a custom figure');
    expect(pt.rows).toEqual(wt.rows);
    expect(pt.summary.slice(0, pt.summary.indexOf('; how often'))).toBe(wt.summary.slice(0, wt.summary.indexOf('; over the whole run')));
    if (ws.kind !== 'line' || ps.kind !== 'line' || wd.kind !== 'line' || pd.kind !== 'line')
      throw new Error('traffic-share and detection-times are line charts');
    expect(ps.series).toEqual(ws.series);
    expect(ps.x).toEqual(ws.x);
    expect(pd.x).toEqual(wd.x);
    expect(pd.y).toEqual(wd.y);
    expect(pd.markers).toEqual(wd.markers);
    // The curve is over the failures simulated so far: 5 steps, not 20, and not padded with zeros for the rest.
    expect(preview.sides[0].detectionTimes).toHaveLength(5);
    expect(pd.series[0].x).toHaveLength(2 + 2 * preview.sides[0].detectionTimes.filter((d) => d !== null).length);
    expect(pd.series[0].label).toBe('Simulated so far: the first 5 of 20 failures');
  });

  it('states no whole-run number: every summary says what is so far and what follows, and quotes none of the whole run’s figures', () => {
    for (const values of [{}, { outlierDetection: true }, { unhealthyThreshold: 1, flakyErrorRate: 0.2 }]) {
      const { whole, preview } = views(state(values));
      const w = whole.sides[0].summary;
      const p = preview.sides[0].summary;
      const [timeline, share, detection] = timelineFigures(preview).map((f) => f.summary);
      expect(timeline).toContain(`how often over all 20 failures follows with the whole run`);
      expect(timeline).not.toContain('over the whole run');
      expect(share).toContain('over all 20 failures, follows with the whole run');
      expect(share).not.toMatch(/Over all \d+ failures/);
      expect(detection).toMatch(/^So far, of the first \d of 20 failures, \d were detected/);
      expect(detection).toMatch(/The other \d+ follow with the whole run\.$/);
      // The whole run's own figures, where they read differently from the preview's.
      const wholeOnly = [
        [`${num(w.errorsBeforeDetection)} requests per failure`, `${num(p.errorsBeforeDetection)} requests per failure`],
        [`out ${percent(w.flakyOutFraction)} of the time`, `out ${percent(p.flakyOutFraction)} of the time`],
        [`${count(w.flakyRemovals)} times`, `${count(p.flakyRemovals)} times`],
        [`after ${num(w.detectionTimeMean / 1000)} s on average`, `after ${num(p.detectionTimeMean / 1000)} s on average`],
        [`${num(w.detectionTimeP95 / 1000)} s at the 95th percentile`, ''],
      ].filter(([wh, pr]) => wh !== pr);
      expect(wholeOnly.length).toBeGreaterThan(0);
      for (const [phrase] of wholeOnly) for (const text of [timeline, share, detection]) expect(text).not.toContain(phrase);
    }
  });

  it('compare mode previews both sides, and the preview view survives JSON', () => {
    const { preview } = views(state({}, 1, { outlierDetection: true }));
    expect(preview.sides.map((s) => [s.label, s.preview])).toEqual([
      ['A', { failures: 2 }],
      ['B', { failures: 2 }],
    ]);
    expect(timelineFigures(preview).map((f) => f.id)).toEqual([
      'check-timeline',
      'traffic-share',
      'detection-times',
      'check-timeline-b',
      'traffic-share-b',
      'detection-times-b',
    ]);
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
  });

  it('the whole run’s view carries no preview mark (the page embeds it at the defaults)', () => {
    const { whole } = views(state());
    expect('preview' in whole.sides[0]).toBe(false);
  });
});
