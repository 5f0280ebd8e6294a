import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { runMany } from '../../../simulations/run-many.ts';
import { jitterContention } from '../../../simulations/scenarios/jitter-contention.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { jitterCharts } from '../../../src/components/retry/jitter/jitter-charts.ts';
import { planJitter } from '../../../src/components/retry/jitter/jitter-plan.ts';
import { jitterSpecs } from '../../../src/components/retry/jitter/jitter-specs.ts';
import { reduceJitter } from '../../../src/components/retry/jitter/jitter-view.ts';
import { jitterWidget } from '../../../src/components/retry/jitter/jitter-widget.ts';

const values = { ...defaultValues(jitterSpecs), clients: 12, runs: 3 };

describe('jitter widget', () => {
  it('runs every strategy on the same seeds; compare mode runs B on those seeds too', () => {
    const plan = planJitter({ values, seed: 9, compare: true, valuesB: { ...values, clients: 20 } });
    expect(flattenRuns(plan.runs)).toHaveLength(2 * 5 * 3);
    const strategiesA = flattenRuns(plan.runs)
      .slice(0, 15)
      .map((r) => `${r.params.strategy}@${r.seed}`);
    expect(strategiesA.slice(0, 3)).toEqual(['none@9', 'none@10', 'none@11']);
    expect(new Set(flattenRuns(plan.runs).map((r) => r.seed))).toEqual(new Set([9, 10, 11]));
    expect(
      flattenRuns(plan.runs)
        .slice(15)
        .every((r) => r.params.clients === 20),
    ).toBe(true);
  });

  it('its totals are the means `npm run sim -- --runs K` prints for the same seed', () => {
    const plan = planJitter({ values, seed: 4, compare: false, valuesB: values });
    const view = reduceJitter(executeRuns(plan.runs), plan.meta);
    for (const o of view.sides[0].strategies) {
      const cli = runMany(jitterContention, { clients: 12, strategy: o.key, base: values.base, cap: values.cap }, 4, 3);
      expect(o.calls.mean).toBeCloseTo(cli.calls as number, 9);
      expect(o.completion.mean * 1000).toBeCloseTo(cli.completionTime as number, 6);
      // The curve is the first run's: it ends at that run's total writes.
      expect(o.curve.calls[o.curve.calls.length - 1]).toBe(o.firstCalls);
    }
  });

  it('summaries name the best and worst strategies with their numbers', () => {
    const plan = planJitter({ values, seed: 1, compare: false, valuesB: values });
    const charts = jitterCharts(reduceJitter(executeRuns(plan.runs), plan.meta));
    expect(charts.map((c) => c.id)).toEqual(['writes-over-time', 'total-writes', 'completion-time']);
    expect(charts[1].summary).toMatch(/needed the fewest writes \(\d[\d,]* ± [\d.]+, mean over 3 runs\), .* the most \(\d/);
    expect(charts[2].summary).toMatch(/finished soonest \([\d.]+ ± [\d.]+ s, mean over 3 runs\)/);
  });
});
