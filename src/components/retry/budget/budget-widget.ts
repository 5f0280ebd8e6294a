import { defineWidget } from '../../frame/widget-definition.ts';
import { budgetCharts } from './budget-charts.ts';
import { planBudget, previewBudget, refineBudget } from './budget-plan.ts';
import { budgetSpecs, type BudgetSpecs } from './budget-specs.ts';
import { reduceBudget } from './budget-view.ts';

export const budgetWidget = defineWidget({
  id: 'budget',
  title: 'Retry amplification and retry budgets',
  description:
    '(a) Layers that each retry multiply the calls reaching a failing dependency. (b) One layer of retries against the same dependency, with each retry policy, swept over failure rates.',
  specs: budgetSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'outage', label: 'Hard outage', values: {} },
    { id: 'half', label: 'Half the calls fail', values: { failureRate: 0.5 } },
    { id: 'blip', label: 'One call in ten fails', values: { failureRate: 0.1 } },
    { id: 'one-layer', label: 'Retry at one layer only', values: { layers: 1 } },
    { id: 'compare-layers', label: 'Compare: 3 layers vs 1', values: {}, compareWith: { layers: 1 } },
  ],
  plan: planBudget,
  preview: previewBudget,
  refine: refineBudget,
  reduce: reduceBudget,
  figures: budgetCharts,
});
