import { describe, expect, it } from 'vitest';
import { failoverSpec } from '../../../simulations/scenarios/specs/failover.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import { planTimeline, runSeconds } from '../../../src/components/failover/timeline/timeline-plan.ts';
import { failoverWidget } from '../../../src/components/failover/timeline/timeline-widget.ts';
import { reduceTimeline, type TimelineSideView } from '../../../src/components/failover/timeline/timeline-view.ts';
import { timelineFigures } from '../../../src/components/failover/timeline/timeline-figures.tsx';
import { timelineSpecs } from '../../../src/components/failover/timeline/timeline-specs.ts';

/** The widget's view for a preset on the default seed: what a reader of the guide sees. */
function atPreset(id: string): TimelineSideView[] {
  const preset = failoverWidget.presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const plan = planTimeline(applyPreset(timelineSpecs, defaultState(timelineSpecs, failoverWidget.defaultSeed), preset));
  return reduceTimeline(executeRuns(plan.runs), plan.meta).sides;
}

const s = (ms: number) => ms / 1000;

describe('failover timeline widget', () => {
  it('runs A and B on the same seed, with the primary failing at 20 s and the run long enough to come back', () => {
    const state = { ...defaultState(timelineSpecs, 7), compare: true, valuesB: { ...defaultState(timelineSpecs, 7).values, failbackHold: 60 } };
    const plan = planTimeline(state);
    expect(plan.runs.map((r) => r.seed)).toEqual([7, 7]);
    expect(plan.runs.map((r) => r.params.failAt)).toEqual([20, 20]);
    // 20 + 20 s outage + 3.5 s + 2.5 s + 60 s hold + 10 s, to the next ten seconds.
    expect(plan.runs[1].params.duration).toBe(120);
    expect(runSeconds(state.values)).toBe(70);
    expect(plan.runs[0].scenario).toBe(failoverSpec);
  });

  it('guide, steps 1-2: the default hang is detected in 2.8 s (bound 3.5 s), costs 45 requests, and traffic returns 11.3 s after the outage', () => {
    const [d] = atPreset('default');
    expect(s(d.summary.detectionTime)).toBeCloseTo(2.8, 1);
    expect(s(d.summary.detectionBound)).toBe(3.5);
    expect(d.summary.failedDuringSwitch).toBe(45);
    expect(s(d.summary.failbackTime)).toBeCloseTo(11.3, 1);
    // The setting the guide describes: 20 req/s, checks every second with a 500 ms timeout, out after 3, back after 2, a 10 s hold.
    expect(d.values).toMatchObject({ rate: 20, interval: 1000, timeout: 500, unhealthyThreshold: 3, healthyThreshold: 2, failbackHold: 10, outage: 20 });
    // Back at 40 s, the primary's checks pass again within two seconds.
    const healthyAgain = d.timeline.health.find((e) => e.host === 0 && e.healthy && e.t >= 40_000);
    expect(s(healthyAgain!.t) - 40).toBeLessThan(2);
    const firstFailedCheck = d.timeline.checks.find((c) => c.host === 0 && !c.ok);
    expect(s(firstFailedCheck!.t)).toBeCloseTo(20.3, 1);
    expect(d.summary.flaps).toBe(0);
  });

  it('guide, steps 3-5: fast detection 0.56 s and 11 failures; slow detection 13.6 s (bound 17 s) and 255; errors 2.3 s and 34', () => {
    const [fast] = atPreset('fast-detection');
    expect(s(fast.summary.detectionTime)).toBeCloseTo(0.56, 2);
    expect(fast.summary.failedDuringSwitch).toBe(11);
    const [slow] = atPreset('slow-detection');
    expect(s(slow.summary.detectionTime)).toBeCloseTo(13.6, 1);
    expect(s(slow.summary.detectionBound)).toBe(17);
    expect(slow.summary.failedDuringSwitch).toBe(255);
    const [errors] = atPreset('errors');
    expect(s(errors.summary.detectionTime)).toBeCloseTo(2.3, 1);
    expect(errors.summary.failedDuringSwitch).toBe(34);
  });

  it('guide, step 6: a flapping primary without a hold drags traffic back twice (6 switches, 154 failures); a 10 s hold keeps it on the standby (45)', () => {
    const [a, b] = atPreset('compare-hold');
    expect(a.values.failbackHold).toBe(0);
    expect(a.summary.flaps).toBe(2);
    expect(a.summary.switches).toBe(6);
    expect(a.summary.requests - a.summary.succeeded).toBe(154);
    expect(b.values.failbackHold).toBe(10);
    expect(b.summary.flaps).toBe(0);
    expect(b.summary.switches).toBe(2);
    expect(b.summary.requests - b.summary.succeeded).toBe(45);
    expect(b.timeline.switches.map((w) => w.kind)).toEqual(['failover', 'failback']);
  });

  it('guide, step 7: priority 0 sheds its traffic in Envoy’s steps (100, 84, 56, 28, 0) within 0.7 s, and takes it back the same way', () => {
    const [p] = atPreset('priority');
    const toP0 = p.timeline.load.map((l) => l.perLevel[0]);
    expect(toP0).toEqual([100, 84, 56, 28, 0, 28, 56, 84, 100]);
    const shed = p.timeline.load.filter((l) => l.t > 20_000 && l.t < 40_000);
    expect(s(shed[shed.length - 1].t - shed[0].t)).toBeLessThan(0.7);
  });

  it('the figures tell the story in words, per side, with unique ids', () => {
    const sides = atPreset('compare-hold');
    const figures = timelineFigures({ sides });
    expect(figures.map((f) => f.id)).toEqual([
      'failover-timeline',
      'failover-share',
      'failover-errors',
      'failover-timeline-b',
      'failover-share-b',
      'failover-errors-b',
    ]);
    expect(figures[0].summary).toMatch(/^A: The primary stopped answering at 20 s, and kept recovering and failing again until 40 s\./);
    expect(figures[0].summary).toContain('had to leave it again twice: 6 switches in all');
    expect(figures[3].summary).toContain('(a hold of 10 s after its checks passed again)');
  });
});
