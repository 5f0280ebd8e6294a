import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { cascadeWidget } from './cascade/cascade-widget.ts';

export { cascadeWidget as definition };

/** A slow dependency takes down its caller's unrelated traffic, unless something contains it (widget id `cascade`). */
export default function CascadingFailureWidget() {
  return <SimulationWidget definition={cascadeWidget} />;
}
