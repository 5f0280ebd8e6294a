import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { healthDetection, type RotationKind } from '../../../simulations/scenarios/health-detection.ts';
import { outOfRotation } from '../../../src/components/health/timeline/rotation-intervals.ts';
import { timelineFigures } from '../../../src/components/health/timeline/timeline-figures.tsx';
import { planTimeline, requestsEstimate } from '../../../src/components/health/timeline/timeline-plan.ts';
import { timelineSpecs } from '../../../src/components/health/timeline/timeline-specs.ts';
import { failureStory, flakyRecord, meanShare } from '../../../src/components/health/timeline/timeline-story.ts';
import { reduceTimeline } from '../../../src/components/health/timeline/timeline-view.ts';
import { timelineWidget } from '../../../src/components/health/timeline/timeline-widget.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(timelineSpecs);
const few = { ...A, failures: 3 };

function run(values: typeof A, seed = 1) {
  const plan = planTimeline({ values, seed, compare: false, valuesB: values });
  const results = executeRuns(plan.runs);
  return { results, view: reduceTimeline(results, plan.meta) };
}

const kinds: readonly RotationKind[] = ['unhealthy', 'healthy', 'ejected', 'unejected'];

describe('health (timeline) widget', () => {
  it('out-of-rotation stretches are ordered, disjoint, inside the timeline, and cover exactly the times a flag is set', () => {
    const event = fc.record({ dt: fc.integer({ min: 0, max: 50 }), kind: fc.constantFrom(...kinds) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (steps) => {
        let t = 0;
        const events = steps.map((s) => ({ t: (t += s.dt), host: 0, kind: s.kind }));
        const endMs = t + 10;
        const out = outOfRotation(events, 0, endMs);
        out.forEach((o, i) => {
          expect(o.start).toBeLessThanOrEqual(o.end);
          expect(o.end).toBeLessThanOrEqual(endMs);
          if (i > 0) expect(o.start).toBeGreaterThanOrEqual(out[i - 1].end);
        });
        // Once all events at a moment have applied, the host is out exactly when a flag is set (stretches are [start, end)).
        let unhealthy = false;
        let ejected = false;
        for (const [i, e] of events.entries()) {
          if (e.kind === 'unhealthy' || e.kind === 'healthy') unhealthy = e.kind === 'unhealthy';
          else ejected = e.kind === 'ejected';
          if (events[i + 1]?.t === e.t) continue;
          expect(out.some((o) => o.start <= e.t && e.t < o.end)).toBe(unhealthy || ejected);
        }
      }),
    );
  });

  it('a host out by both flags is back only when both have cleared', () => {
    const events = [
      { t: 1, host: 2, kind: 'unhealthy' as const },
      { t: 2, host: 2, kind: 'ejected' as const },
      { t: 3, host: 2, kind: 'healthy' as const },
      { t: 5, host: 2, kind: 'unejected' as const },
      { t: 7, host: 1, kind: 'ejected' as const },
    ];
    expect(outOfRotation(events, 2, 10)).toEqual([{ start: 1, end: 5 }]);
    expect(outOfRotation(events, 1, 10)).toEqual([{ start: 7, end: 10 }]);
  });

  it('every preset and the default plan valid scenario parameters; B runs on A’s seed', () => {
    const schema = paramSchema(healthDetection.params);
    for (const preset of [undefined, ...timelineWidget.presets]) {
      const state = preset ? applyPreset(timelineSpecs, defaultState(timelineSpecs, 1), preset) : defaultState(timelineSpecs, 1);
      const plan = timelineWidget.plan(state);
      for (const r of plan.runs) {
        expect(() => schema.parse(r.params)).not.toThrow();
        expect(r.seed).toBe(1);
      }
    }
  });

  it('the cost guess is within a factor of three of the requests the run makes', () => {
    for (const values of [few, { ...few, outlierDetection: true }, { ...few, interval: 200, timeout: 100 }]) {
      const { results } = run(values);
      const params = { ...defaultValues(healthDetection.params), ...values };
      const ratio = requestsEstimate(params) / results[0].summary.requests;
      expect(ratio).toBeGreaterThan(1 / 3);
      expect(ratio).toBeLessThan(3);
    }
  });

  it('the story of the first failure agrees with the run: detected after it began, by the checks, in the time the summary reports', () => {
    const { results, view } = run(few);
    const [side] = view.sides;
    const st = failureStory(side.timeline);
    expect(st.failing).toBe(0);
    expect(st.takenOutBy).toBe('checks');
    expect(st.out!.start).toBeGreaterThan(st.downAt);
    expect(st.out!.start - st.downAt).toBeCloseTo(results[0].detectionTimes[0]!, -1);
    expect(st.out!.start - st.downAt).toBeLessThanOrEqual(side.summary.detectionBound);
    expect(st.rejoined).toBe(true);
    expect(st.out!.end).toBeGreaterThan(st.upAt);
    // Out of rotation it gets no traffic; the steady backends take its share.
    expect(meanShare(side.timeline, 0, st.out!.start, st.out!.end)).toBe(0);
    expect(flakyRecord(side.timeline).host).toBe(1);
  });

  it('the view survives JSON unchanged (it is embedded in the page) and its times are whole milliseconds', () => {
    const { view } = run(few);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    for (const c of view.sides[0].timeline.checks) expect(Number.isInteger(c.t)).toBe(true);
  });

  it('draws a lane per backend with every check, and says in words what the timeline shows', () => {
    const { view } = run(few);
    const figures = timelineFigures(view);
    expect(figures.map((f) => f.id)).toEqual(['check-timeline', 'traffic-share', 'detection-times']);
    const timeline = figures[0];
    if (timeline.kind !== 'custom') throw new Error('check-timeline is a custom figure');
    const svg = renderToString(timeline.draw({ width: 640, titleId: 't', summaryId: 's' }));
    const t = view.sides[0].timeline;
    expect(svg.match(/data-host="/g)).toHaveLength(t.hosts.length);
    expect(timeline.rows.filter((r) => r.yLabel === 'Check result')).toHaveLength(t.checks.length);
    expect(timeline.summary).toMatch(
      /^host-0 stopped answering at [\d.]+ s; its next check, at [\d.]+ s, failed\. 3 failed checks in a row took it out of rotation/,
    );
    const detection = figures[2];
    if (detection.kind !== 'line') throw new Error('detection-times is a line chart');
    expect(detection.markers?.map((m) => m.x)).toEqual([view.sides[0].summary.expectedDetectionTime / 1000, view.sides[0].summary.detectionBound / 1000]);
    // The cumulative curve ends at the share of failures detected.
    const y = detection.series[0].y;
    expect(y[y.length - 1]).toBe(100);
  });

  it('with outlier detection on, the summary says which mechanism took the backend out', () => {
    const { view } = run({ ...few, outlierDetection: true });
    const [timeline, , detection] = timelineFigures(view);
    expect(timeline.summary).toContain('Outlier detection took it out of rotation');
    expect(detection.summary).toMatch(/by outlier detection/);
  });
});
