import { describe, expect, it } from 'vitest';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import { availabilityCharts, downtimeText } from '../../../src/components/failover/availability/availability-charts.ts';
import { planAvailability, REPLICA_COUNTS } from '../../../src/components/failover/availability/availability-plan.ts';
import { availabilitySpecs } from '../../../src/components/failover/availability/availability-specs.ts';
import { reduceAvailability, type AvailabilitySideView } from '../../../src/components/failover/availability/availability-view.ts';
import { availabilityWidget } from '../../../src/components/failover/availability/availability-widget.ts';

function atPreset(id: string): AvailabilitySideView[] {
  const preset = availabilityWidget.presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const plan = planAvailability(applyPreset(availabilitySpecs, defaultState(availabilitySpecs, availabilityWidget.defaultSeed), preset));
  return reduceAvailability(executeRuns(plan.runs), plan.meta).sides;
}

const at = (s: AvailabilitySideView, n: number) => s.byReplicas.find((p) => p.replicas === n)!;

describe('availability widget', () => {
  it('per side, on the same seed: the chosen topology and the same parts at every replica count', () => {
    const base = defaultState(availabilitySpecs, 5);
    const plan = planAvailability({ ...base, compare: true, valuesB: { ...base.values, failoverMs: 1000 } });
    for (const side of plan.runs) {
      expect([side.chosen.seed, ...side.byReplicas.map((r) => r.seed)]).toEqual(Array(1 + REPLICA_COUNTS.length).fill(5));
      expect(side.byReplicas.map((r) => r.params.replicas)).toEqual(REPLICA_COUNTS);
    }
    expect(plan.runs[1].chosen.params.failoverMs).toBe(1000);
  });

  it('guide, step 1: two replicas at 99.9% each: 31.5 s a year without a gap, 1.98 min with a 10 s failover, 1.71 min simulated', () => {
    const [d] = atPreset('default');
    expect(d.summary.replicaAvailability).toBeCloseTo(0.999, 4);
    expect(downtimeText(at(d, 1).theory)).toBe('8.76 h');
    expect(downtimeText(d.noGapMinutes)).toBe('31.5 s');
    expect(downtimeText(d.summary.theoryDowntimeMinutesPerYear)).toBe('1.98 min');
    expect(downtimeText(d.summary.downtimeMinutesPerYear)).toBe('1.71 min');
    // About three quarters of it is the failover gap.
    const gapShare = (d.summary.theoryDowntimeMinutesPerYear - d.noGapMinutes) / d.summary.theoryDowntimeMinutesPerYear;
    expect(gapShare).toBeGreaterThan(0.7);
    expect(gapShare).toBeLessThan(0.8);
  });

  it('guide, step 2: nine replicas are still down 1.46 min a year in theory (1.5 simulated): the gap is what is left', () => {
    const [d] = atPreset('default');
    expect(downtimeText(at(d, 9).theory)).toBe('1.46 min');
    expect(downtimeText(at(d, 9).simulated)).toBe('1.5 min');
    expect(at(d, 9).noGap).toBeLessThan(1e-6);
    // All a third replica and beyond can remove is already gone at three: what is left is the gap, about nine failovers a year.
    expect(at(d, 3).theory - at(d, 9).theory).toBeLessThan(0.01);
    expect(d.summary.failovers / d.summary.horizonYears).toBeCloseTo(9, 0);
  });

  it('guide, step 3: year by year, the median year had 1.5 min and the worst 12.6 min', () => {
    const [d] = atPreset('default');
    const sorted = [...d.downtimeByYear].sort((a, b) => a - b);
    expect(sorted).toHaveLength(100);
    expect(downtimeText(sorted[49])).toBe('1.5 min');
    expect(downtimeText(sorted[99])).toBe('12.6 min');
  });

  it('guide, step 4: with no gap, both replicas were down together twice in 100 years: 13.1 s a year simulated against 31.5 s, 98 years with none', () => {
    const [d] = atPreset('no-gap');
    expect(d.summary.outages).toBe(2);
    expect(downtimeText(d.summary.downtimeMinutesPerYear)).toBe('13.1 s');
    expect(downtimeText(d.summary.theoryDowntimeMinutesPerYear)).toBe('31.5 s');
    expect(d.downtimeByYear.filter((m) => m === 0)).toHaveLength(98);
  });

  it('guide, steps 5-7: five replicas with a 5 min failover, 43.8 min a year (45 simulated); three in series 26.2 h; a 1 s failover 40.2 s', () => {
    const [slow] = atPreset('slow-failover');
    expect(downtimeText(slow.summary.theoryDowntimeMinutesPerYear)).toBe('43.8 min');
    expect(downtimeText(slow.summary.downtimeMinutesPerYear)).toBe('45 min');
    // Five replicas, and only just four nines.
    expect(slow.summary.theory).toBeGreaterThan(0.9999);
    expect(slow.summary.theory).toBeLessThan(0.99995);
    const [serial] = atPreset('serial');
    expect(downtimeText(serial.summary.theoryDowntimeMinutesPerYear)).toBe('26.2 h');
    expect(serial.summary.theory).toBeCloseTo(0.997, 3);
    const [, b] = atPreset('compare-gap');
    expect(downtimeText(b.summary.theoryDowntimeMinutesPerYear)).toBe('40.2 s');
    // Cutting the gap to 1 s beats any number of replicas at 10 s.
    const [a] = atPreset('compare-gap');
    expect(b.summary.theoryDowntimeMinutesPerYear).toBeLessThan(Math.min(...a.byReplicas.map((p) => p.theory)));
  });

  it('the charts say it in words, per side', () => {
    const sides = atPreset('compare-gap');
    const charts = availabilityCharts({ sides });
    expect(charts.map((c) => c.id)).toEqual([
      'availability-downtime',
      'availability-by-replicas',
      'availability-by-year',
      'availability-downtime-b',
      'availability-by-replicas-b',
      'availability-by-year-b',
    ]);
    expect(charts[0].summary).toMatch(/^A: Each replica is up 99\.90% of the time\./);
    expect(charts[3].summary).toContain('counting 1 s per failover, theory says 40.2 s');
  });
});
