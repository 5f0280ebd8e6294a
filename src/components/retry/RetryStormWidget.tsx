import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { stormWidget } from './storm/storm-widget.ts';

export { stormWidget as definition };

/** A metastable failure: a spike, a retry storm, and what ends it (widget id `storm`). */
export default function RetryStormWidget() {
  return <SimulationWidget definition={stormWidget} />;
}
