import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { budgetWidget } from './budget/budget-widget.ts';

export { budgetWidget as definition };

/** Retry amplification across layers and retry budgets compared (widget id `budget`). */
export default function RetryBudgetWidget() {
  return <SimulationWidget definition={budgetWidget} />;
}
