import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { stormWidget } from './storm/storm-widget.ts';

export { stormWidget as definition };

/** A metastable failure: a spike, a retry storm, and what ends it (widget id `storm`). */
export default function RetryStormWidget() {
  const w = useSimulationWidget(stormWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
