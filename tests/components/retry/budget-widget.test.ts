import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { budgetCharts } from '../../../src/components/retry/budget/budget-charts.ts';
import { planBudget } from '../../../src/components/retry/budget/budget-plan.ts';
import { budgetSpecs, retryPolicies } from '../../../src/components/retry/budget/budget-specs.ts';
import { reduceBudget } from '../../../src/components/retry/budget/budget-view.ts';
import { budgetWidget } from '../../../src/components/retry/budget/budget-widget.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';

const values = defaultValues(budgetSpecs);

describe('budget widget', () => {
  it('sweeps failure rates in tenths plus the chosen one, each once, in order', () => {
    const plan = planBudget({ values: { ...values, failureRate: 0.37 }, seed: 1, compare: false, valuesB: values });
    const rates = plan.meta.sides[0].rates;
    expect(rates).toEqual([0, 0.1, 0.2, 0.3, 0.37, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(planBudget({ values, seed: 1, compare: false, valuesB: values }).meta.sides[0].rates).toHaveLength(11);
    expect(flattenRuns(plan.runs).filter((r) => r.scenario.name === 'retry-budget')).toHaveLength(retryPolicies.length * rates.length);
  });

  it('keeps every amplification run bounded: fewer requests as the calls per request grow', () => {
    const plan = planBudget({ values: { layers: 6, retries: 5, failureRate: 1 }, seed: 1, compare: false, valuesB: values });
    const amp = flattenRuns(plan.runs).filter((r) => r.scenario.name === 'retry-amplification');
    expect(amp.map((r) => r.params.layers)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const r of amp) expect(r.cost).toBeLessThanOrEqual(100 * 60_000);
    expect(amp[0].params.requests).toBe(10_000);
    expect(amp[5].params.requests).toBe(100);
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
    expect(amp.summary).toContain('received 9 calls per request (theory: 9;');
  });
});
