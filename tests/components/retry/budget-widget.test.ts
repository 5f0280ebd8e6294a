import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { budgetCharts } from '../../../src/components/retry/budget/budget-charts.ts';
import { planBudget } from '../../../src/components/retry/budget/budget-plan.ts';
import { budgetSpecs, retryPolicies } from '../../../src/components/retry/budget/budget-specs.ts';
import { reduceBudget } from '../../../src/components/retry/budget/budget-view.ts';
import { budgetWidget } from '../../../src/components/retry/budget/budget-widget.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { expectPartsOfPlan } from '../frame/runner/plan-parts.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';
import { num, percent } from '../../../src/components/stats/format-number.ts';
import { policyStyles } from '../../../src/components/retry/budget/budget-specs.ts';
import fc from 'fast-check';
import { amplificationSpread } from '../../../simulations/theory/retry-amplification-spread.ts';

const values = defaultValues(budgetSpecs);

describe('budget widget', () => {
  it('sweeps failure rates in tenths plus the chosen one, each once, in order', () => {
    const plan = planBudget({ values: { ...values, failureRate: 0.37 }, seed: 1, compare: false, valuesB: values });
    const rates = plan.meta.sides[0].rates;
    expect(rates).toEqual([0, 0.1, 0.2, 0.3, 0.37, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(planBudget({ values, seed: 1, compare: false, valuesB: values }).meta.sides[0].rates).toHaveLength(11);
    expect(flattenRuns(plan.runs).filter((r) => r.scenario.name === 'retry-budget')).toHaveLength(retryPolicies.length * rates.length);
  });

  const amplificationRuns = (v: typeof values) =>
    flattenRuns(planBudget({ values: v, seed: 1, compare: false, valuesB: v }).runs).filter((r) => r.scenario.name === 'retry-amplification');

  it('sizes each amplification run to a 1% standard error, at least 50,000 calls or 10 requests, at most 10,000 requests and 10^6 calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }), (retries, f) => {
        const amp = amplificationRuns({ layers: 3, retries, failureRate: f / 100 });
        expect(amp.map((r) => r.params.layers)).toEqual([1, 2, 3, 4, 5, 6]);
        for (const r of amp) {
          const { layers, requests: n } = r.params as { layers: number; requests: number };
          const { mean, variance } = amplificationSpread(layers, retries, f / 100);
          const perRequest = r.cost / n;
          expect(r.cost).toBeLessThanOrEqual(1_000_000);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(10_000);
          // Fewer requests than 10,000 only when the error is met, or one more would pass 10^6 calls.
          const met = (k: number) => Math.sqrt(variance / k) <= 0.01 * mean;
          if (n < 10_000) expect(met(n) || (n + 1) * perRequest > 1_000_000).toBe(true);
          // No more than the error needs, beyond the floors.
          if (n > 10 && (n - 1) * perRequest >= 50_000) expect(met(n - 1)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('in a hard outage, where every request makes the same calls, runs only as many requests as make 50,000 calls (10 at least)', () => {
    expect(amplificationRuns({ layers: 6, retries: 5, failureRate: 1 }).map((r) => r.params.requests)).toEqual([7143, 1163, 194, 33, 10, 10]);
  });

  it('in a hard outage the simulated amplification is exactly (r + 1)^L, and the summary says so', () => {
    const small = { layers: 2, retries: 2, failureRate: 1 };
    const plan = planBudget({ values: small, seed: 1, compare: false, valuesB: small });
    // The budget sweep is not needed here: run the amplification part, and one budget run in place of the sweep.
    const [side] = plan.runs;
    const oneBudgetRun = executeRuns(side.policies[0][0]);
    const view = reduceBudget([{ amplification: executeRuns(side.amplification), policies: side.policies.map((p) => p.map(() => oneBudgetRun)) }], plan.meta);
    expect(view.sides[0].amplification.simulated).toEqual([3, 9, 27, 81, 243, 729]);
    const [amp] = budgetCharts(view);
    expect(amp.summary).toContain('received 9 calls per request (theory: 9; simulated over 3,847 requests, as every request makes the same calls here).');
  });
});

describe('budget widget, parts of the plan (preview, then refinements)', () => {
  const base = defaultState(budgetSpecs, 1);
  const states = [
    base,
    { ...base, values: { layers: 4, retries: 2, failureRate: 0.37 } },
    { ...base, compare: true, valuesB: { ...values, layers: 1, retries: 5, failureRate: 0.99 } },
  ];
  const partsOf = (state: (typeof states)[number]) => [budgetWidget.preview!(state), ...budgetWidget.refine!(state)];
  const executed = states.map((state) => {
    const plan = planBudget(state);
    return { state, full: reduceBudget(executeRuns(plan.runs), plan.meta), parts: partsOf(state).map((p) => reduceBudget(executeRuns(p.runs), p.meta)) };
  });

  it('the preview is small whatever the settings: (a) heights up to 100,000 calls (at least one), (b) no retries at the chosen rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }), (layers, retries, f) => {
        const v = { layers, retries, failureRate: f / 100 };
        const runs = flattenRuns(budgetWidget.preview!({ ...base, values: v }).runs);
        const amp = runs.filter((r) => r.scenario.name === 'retry-amplification');
        expect(amp.length).toBeGreaterThanOrEqual(1);
        if (amp.length > 1) expect(amp.reduce((n, r) => n + r.cost, 0)).toBeLessThanOrEqual(100_000);
        expect(runs.filter((r) => r.scenario.name === 'retry-budget').map((r) => [r.params.policy, r.params.failureRate])).toEqual([['none', v.failureRate]]);
      }),
      { numRuns: 100 },
    );
    expect(flattenRuns(budgetWidget.preview!(base).runs)).toHaveLength(2);
  });

  it('each part holds the one before and is among the full plan\'s runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }), fc.boolean(), (layers, retries, f, compare) => {
        const state = { ...base, compare, values: { layers, retries, failureRate: f / 100 } };
        expectPartsOfPlan(partsOf(state), planBudget(state));
      }),
      { numRuns: 100 },
    );
  });

  it('each part\'s view is the full view where it has run, null (pending) elsewhere, with the same rates, theory and axes', () => {
    for (const { full, parts } of executed) {
      const fullCharts = budgetCharts(full);
      for (const view of parts) {
        expect(JSON.parse(JSON.stringify(view))).toEqual(view);
        view.sides.forEach((side, i) => {
          const f = full.sides[i];
          expect({ ...side, amplification: { ...side.amplification, simulated: [] }, policies: [] }).toEqual({ ...f, amplification: { ...f.amplification, simulated: [] }, policies: [] });
          side.amplification.simulated.forEach((v, h) => v !== null && expect(v).toBe(f.amplification.simulated[h]));
          side.policies.forEach((p, k) => {
            p.load.forEach((v, j) => v !== null && expect(v).toBe(f.policies[k].load[j]));
            p.success.forEach((v, j) => expect(v).toBe(p.load[j] === null ? null : f.policies[k].success[j]));
          });
        });
        budgetCharts(view).forEach((c, n) => {
          const fc = fullCharts[n];
          if (c.kind !== 'line' || fc.kind !== 'line') throw new Error('line charts expected');
          expect([c.id, c.x, c.markers]).toEqual([fc.id, fc.x, fc.markers]);
          if (c.id.startsWith('load') || c.id.startsWith('success')) expect(c.y).toEqual(fc.y);
          for (const s of c.series) {
            const whole = fc.series.find((x) => x.key === s.key)!;
            s.x.forEach((x, j) => expect(s.y[j]).toBe(whole.y[whole.x.indexOf(x)]));
          }
        });
      }
    }
  });

  it('the full view\'s theory is the runs\' own, and its load axis ends at the most attempts a request may make', () => {
    const plan = planBudget(states[2]);
    const results = executeRuns(plan.runs);
    const view = reduceBudget(results, plan.meta);
    view.sides.forEach((s, i) => expect(s.amplification.theory).toEqual(results[i].amplification.map((r) => r.summary.expectedAmplification)));
    const loads = view.sides.flatMap((s) => s.policies.flatMap((p) => p.load)).filter((v): v is number => v !== null);
    const load = budgetCharts(view).find((c) => c.id === 'load');
    expect(load?.kind === 'line' && load.y.domain).toEqual([0, Math.max(...loads)]);
  });

  it('a partial summary quotes only what has run: each value as the full view has it, or that it is still running, and says how much it shows', () => {
    for (const { full, parts } of executed) {
      for (const view of parts) {
        view.sides.forEach((side, i) => {
          const f = full.sides[i];
          const charts = budgetCharts(view);
          const of = (id: string) => charts.find((c) => c.id === (view.sides.length > 1 && side.label === 'B' ? `${id}-b` : id))!.summary;
          const k = side.rates.indexOf(side.failureRate);
          for (const p of side.policies) {
            const label = policyStyles[p.policy].label;
            const [load, success] = [p.load[k], p.success[k]];
            const fp = f.policies.find((x) => x.policy === p.policy)!;
            expect(of('load')).toContain(`${label}: ${load === null ? 'still running' : num(fp.load[k]!)}`);
            expect(of('success')).toContain(`${label}: ${success === null ? 'still running' : percent(fp.success[k]!)}`);
          }
          const chosen = side.amplification.simulated[side.layers - 1];
          if (chosen === null) {
            expect(of('amplification')).toContain('still running');
            expect(of('amplification')).not.toContain('received');
          } else expect(of('amplification')).toContain(`received ${num(f.amplification.simulated[side.layers - 1]!)} calls per request`);
          const all = [of('amplification'), of('load'), of('success')].join(' ');
          expect(all).toMatch(/Partial result: \d of 6 stack heights and \d+ of \d+ points of the sweep simulated so far/);
          expect(all).not.toMatch(/NaN|undefined|null/);
        });
      }
      expect(budgetCharts(full).map((c) => c.summary).join(' ')).not.toMatch(/still running|Partial/);
    }
  });

  it('a budget run\'s cost is its expected attempts: for capped retries, what the run then sends, within 3%', () => {
    for (const failureRate of [0.2, 0.6, 1]) {
      const plan = planBudget({ ...base, values: { ...values, retries: 4, failureRate } });
      const rates = plan.meta.sides[0].rates;
      const r = plan.runs[0].policies[retryPolicies.indexOf('retries')][rates.indexOf(failureRate)];
      expect([r.params.policy, r.params.failureRate]).toEqual(['retries', failureRate]);
      const attempts = executeRuns(r).summary.attempts;
      expect(r.cost / attempts).toBeGreaterThan(0.97);
      expect(r.cost / attempts).toBeLessThan(1.03);
    }
  });
});
