import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { supermarketWidget } from './supermarket/supermarket-widget.ts';

export { supermarketWidget as definition };

/** Mean time in system for d = 1, 2, 3 and join-the-shortest-queue against Mitzenmacher's formulas (widget id `supermarket`). */
export default function SupermarketWidget() {
  return <SimulationWidget definition={supermarketWidget} />;
}
