import { SimulationWidget } from '../widget/SimulationWidget.tsx';
import { stormWidget } from './storm/storm-widget.ts';

/** A metastable failure: a spike, a retry storm, and what ends it (widget id `storm`). */
export default function RetryStormWidget() {
  return <SimulationWidget definition={stormWidget} />;
}
