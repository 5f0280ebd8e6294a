import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { mapWidget } from './map/map-widget.ts';
import './chaos-widgets.css';

export { mapWidget as definition };

/** The metastability map: trigger size × length, recovered or collapsed, each cell a link to the retry-storm widget (widget id `metastable`). */
export default function MetastabilityMapWidget() {
  const w = useSimulationWidget(mapWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
