import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { hashingWidget } from './hashing/hashing-widget.ts';

export { hashingWidget as definition };

/** Which keys move when a backend joins or leaves: hash mod n vs ring hash vs Maglev (widget id `hash`). */
export default function ConsistentHashingWidget() {
  return <SimulationWidget definition={hashingWidget} />;
}
