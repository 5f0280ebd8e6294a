import { describe, expect, it } from 'vitest';
import { hiccupHedgedLatency, hiccupQuantile } from '../../../simulations/theory/hedging-hiccup.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';
import { hedgingCharts, tailPoints } from '../../../src/components/failover/hedging/hedging-charts.ts';
import { planHedging, previewHedging, refineHedging, SWEEP_DELAYS_MS } from '../../../src/components/failover/hedging/hedging-plan.ts';
import { hedgingSpecs } from '../../../src/components/failover/hedging/hedging-specs.ts';
import { reduceHedging, type HedgingSideView } from '../../../src/components/failover/hedging/hedging-view.ts';
import { hedgingWidget } from '../../../src/components/failover/hedging/hedging-widget.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';
import type { HedgingSpecs } from '../../../src/components/failover/hedging/hedging-specs.ts';

function view(state: WidgetState<HedgingSpecs>): HedgingSideView[] {
  const plan = planHedging(state);
  return reduceHedging(executeRuns(plan.runs), plan.meta).sides;
}

function atPreset(id: string, change: Partial<WidgetState<HedgingSpecs>['values']> = {}): HedgingSideView[] {
  const preset = hedgingWidget.presets.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const state = applyPreset(hedgingSpecs, defaultState(hedgingSpecs, hedgingWidget.defaultSeed), preset);
  return view({ ...state, values: { ...state.values, ...change } });
}

const sweepAt = (side: HedgingSideView, delayMs: number) => side.sweep.find((d) => d.delayMs === delayMs)!;

describe('hedging widget', () => {
  it('per side, on the same seed: its run, the unhedged baseline and the sweep of fixed delays', () => {
    const base = defaultState(hedgingSpecs, 3);
    const plan = planHedging({ ...base, compare: true, valuesB: { ...base.values, budget: 'ratio' } });
    expect(plan.runs).toHaveLength(2);
    for (const side of plan.runs) {
      expect([side.hedged.seed, side.unhedged.seed, ...side.sweep.map((r) => r.seed)]).toEqual(Array(2 + SWEEP_DELAYS_MS.length).fill(3));
      expect(side.unhedged.params.hedgeDelay).toBe(0);
      expect(side.sweep.map((r) => r.params.hedgeDelay)).toEqual([...SWEEP_DELAYS_MS]);
    }
    expect(plan.runs[1].hedged.params.budget).toBe('ratio');
  });

  it('guide, step 1: hedging after 50 ms takes p99 from 1,000 ms to 60 ms (delay + fast) for 5.7% more attempts; p99.9 stays 1,000 ms', () => {
    const [d] = atPreset('default');
    expect(d.values).toMatchObject({ slowFraction: 0.05, fastMs: 10, slowMs: 1000, hedgeDelay: 50, maxAttempts: 2 });
    expect(d.unhedged.p99).toBe(1000);
    expect(d.hedged.p99).toBe(60);
    expect(d.hedged.extraLoad).toBeCloseTo(0.057, 3);
    // Both attempts slow: 0.05² = 0.25% of requests, more than the 0.1% beyond p99.9.
    expect(d.hedged.p999).toBe(1000);
    expect(d.hedged.p50).toBe(10);
    // The hiccup model's quantiles are exact: the widget's run agrees with the theory the guide works through.
    const theory = hiccupHedgedLatency({ fastMs: 10, slowMs: 1000, slowFraction: 0.05, delayMs: 50, maxAttempts: 2 });
    expect([hiccupQuantile(theory, 0.5), hiccupQuantile(theory, 0.99), hiccupQuantile(theory, 0.999)]).toEqual([d.hedged.p50, d.hedged.p99, d.hedged.p999]);
    expect(theory.meanAttempts - 1).toBeCloseTo(0.05, 10);
  });

  it('guide, step 2: three attempts bring p99.9 to 110 ms (two delays + fast) for 6.1% more attempts', () => {
    const [d] = atPreset('default', { maxAttempts: 3 });
    expect(d.hedged.p999).toBe(110);
    expect(d.hedged.extraLoad).toBeCloseTo(0.061, 3);
  });

  it('guide, step 3: from 10 to 500 ms the extra attempts stay near 6% and p99 is the delay + 10 ms; below 10 ms every request hedges', () => {
    const [d] = atPreset('default');
    for (const delay of [10, 20, 50, 100, 200, 500]) {
      expect(sweepAt(d, delay).extraLoad).toBeGreaterThan(0.05);
      expect(sweepAt(d, delay).extraLoad).toBeLessThan(0.065);
      expect(sweepAt(d, delay).p99).toBe(delay + 10);
    }
    for (const delay of [1, 2, 5]) expect(sweepAt(d, delay).extraLoad).toBe(1);
  });

  it('guide, steps 4-5: hedging after 5 ms doubles the attempts for p99 15 ms; the 95th percentile learns 20 ms, p99 30.5 ms for 5.5%', () => {
    const [early] = atPreset('too-early');
    expect(early.hedged.extraLoad).toBe(1);
    expect(early.hedged.p99).toBe(15);
    const [p95] = atPreset('p95');
    expect(p95.hedged.finalHedgeDelay).toBeCloseTo(20, 1);
    expect(p95.hedged.p99).toBeCloseTo(30.5, 1);
    expect(p95.hedged.extraLoad).toBeCloseTo(0.055, 3);
  });

  it('guide, step 6: under load, hedging after 5 ms makes every request slower (p50 11.4 → 34.9 ms, p99 37.6 → 87.1 ms); after 1 ms p99 is 1.4 s', () => {
    const [u] = atPreset('under-load');
    expect(u.values).toMatchObject({ workers: 4, rate: 250, fastMs: 10, slowMs: 30, slowFraction: 0.1, hedgeDelay: 5 });
    expect(u.unhedged.p50).toBeCloseTo(11.4, 1);
    expect(u.hedged.p50).toBeCloseTo(34.9, 1);
    expect(u.unhedged.p99).toBeCloseTo(37.6, 1);
    expect(u.hedged.p99).toBeCloseTo(87.1, 1);
    expect(sweepAt(u, 1).p99 / 1000).toBeCloseTo(1.4, 1);
  });

  it('guide, step 7: a 10% budget holds the extra attempts at 10% and p99 near the unhedged 37.6 ms (42.5); gRPC’s throttle, counting only failures, changes nothing', () => {
    const [a, b] = atPreset('compare-budget');
    expect(b.values.budget).toBe('ratio');
    expect(b.hedged.extraLoad).toBeCloseTo(0.1, 3);
    expect(b.hedged.p99).toBeCloseTo(42.5, 1);
    const [throttled] = atPreset('under-load', { budget: 'token-bucket' });
    expect(throttled.hedged).toEqual(a.hedged);
  });

  it('the charts say the numbers in words, per side', () => {
    const sides = atPreset('compare-budget');
    const charts = hedgingCharts({ sides });
    expect(charts.map((c) => c.id)).toEqual([
      'hedging-tail',
      'hedging-delay-latency',
      'hedging-delay-load',
      'hedging-tail-b',
      'hedging-delay-latency-b',
      'hedging-delay-load-b',
    ]);
    expect(charts[0].summary).toMatch(/^A: With hedging \(hedge after 5 ms, up to 2 attempts\): p50 34\.9 ms, p99 87\.1 ms/);
    expect(charts[3].summary).toMatch(/^B: With hedging \(hedge after 5 ms, up to 2 attempts, at most 10% extra\)/);
  });
});

describe('hedging run costs', () => {
  it('are in proportion to the work, a request and an attempt each (within 2x over every preset and 2, 3, 5 attempts)', () => {
    const base = defaultState(hedgingSpecs, 1);
    for (const preset of hedgingWidget.presets) {
      for (const maxAttempts of [2, 3, 5]) {
        const state = applyPreset(hedgingSpecs, base, preset);
        const plan = planHedging({ ...state, values: { ...state.values, maxAttempts } });
        const runs = plan.runs.flatMap((side) => [side.hedged, side.unhedged, ...side.sweep]);
        const results = executeRuns(runs);
        runs.forEach((r, i) => {
          const work = results[i].summary.requests * (2 + results[i].summary.extraLoad);
          expect(r.cost / work).toBeGreaterThan(0.5);
          expect(r.cost / work).toBeLessThan(2);
        });
      }
    }
  });
});

describe('hedging parts: what a partial view says', () => {
  const state = { ...defaultState(hedgingSpecs, 1), compare: true };
  const partView = (p: ReturnType<typeof planHedging>) => reduceHedging(executeRuns(p.runs), p.meta);
  const full = partView(planHedging(state));

  it("before the sweep: the tail charts are the whole plan's; the sweep charts keep their axis, draw no sweep point and quote none", () => {
    const part = partView(previewHedging(state));
    const charts = hedgingCharts(part);
    const whole = hedgingCharts(full);
    expect([charts[0], charts[3]]).toEqual([whole[0], whole[3]]);
    for (const c of [charts[1], charts[2], charts[4], charts[5]]) {
      if (c.kind !== 'line') throw new Error('line charts expected');
      expect(c.x.domain).toEqual([1, 2000]);
      for (const s of c.series.filter((x) => x.key !== 'p99-unhedged')) expect([s.x, s.y]).toEqual([[], []]);
      expect(c.summary).toMatch(/still running/);
      expect(c.summary).not.toMatch(/lowest|at 2 ms|: p99/);
    }
    // The one line the sweep chart does draw is the unhedged run's p99, which has run.
    expect(charts[1].kind === 'line' && charts[1].series[2].y).toEqual([full.sides[0].unhedged.p99, full.sides[0].unhedged.p99]);
  });

  it("the coarse sweep: its four delays with the whole sweep's numbers, the summary says how many of eleven", () => {
    const [coarse] = refineHedging(state);
    const charts = hedgingCharts(partView(coarse));
    expect(charts[1].summary).toMatch(/so far 4 of 11 delays, the rest still running/);
    expect(charts[2].summary).toMatch(/so far 4 of 11 delays/);
    const delays = (c: (typeof charts)[number]) => (c.kind === 'line' ? c.series[0].x : []);
    expect(delays(charts[1])).toEqual([2, 20, 200, 2000]);
  });

  it('the whole sweep says nothing is pending', () => {
    for (const c of hedgingCharts(full)) expect(c.summary).not.toMatch(/so far|still running/);
  });
});

describe('the tail as a step function', () => {
  it('stays at 1 − p between latencies and drops at each, leaving out the final 0%', () => {
    const q = [
      { p: 0, ms: 10 },
      { p: 0.5, ms: 10 },
      { p: 0.95, ms: 10 },
      { p: 0.99, ms: 60 },
      { p: 1, ms: 1000 },
    ];
    const { x, y } = tailPoints(q);
    expect(x).toEqual([10, 10, 60, 60, 1000]);
    expect(y.map((v) => Math.round(v * 1000) / 1000)).toEqual([100, 5, 5, 1, 1]);
  });
});
