import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { jitterWidget } from './jitter/jitter-widget.ts';

export { jitterWidget as definition };

/** Backoff strategies side by side on Brooker's contention experiment (widget id `jitter`). */
export default function JitterContentionWidget() {
  return <SimulationWidget definition={jitterWidget} />;
}
