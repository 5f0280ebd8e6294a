import { SimulationWidget } from '../widget/SimulationWidget.tsx';
import { jitterWidget } from './jitter/jitter-widget.ts';

/** Backoff strategies side by side on Brooker's contention experiment (widget id `jitter`). */
export default function JitterContentionWidget() {
  return <SimulationWidget definition={jitterWidget} />;
}
