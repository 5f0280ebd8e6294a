import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { compareWidget } from './balancer-compare/compare-widget.ts';

export { compareWidget as definition };

/** Two balancing algorithms side by side over uneven backends, one of them faulty (widget id `lb`). */
export default function BalancerCompareWidget() {
  return <SimulationWidget definition={compareWidget} />;
}
