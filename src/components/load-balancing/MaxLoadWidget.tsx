import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { binsWidget } from './bins/bins-widget.ts';

export { binsWidget as definition };

/** Maximum load with one random choice vs the power of two choices, against theory (widget id `bins`). */
export default function MaxLoadWidget() {
  return <SimulationWidget definition={binsWidget} />;
}
