import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { availabilityWidget } from './availability/availability-widget.ts';

export { availabilityWidget as definition };

/** An availability calculator: downtime a year for a topology, theory against simulation (widget id `availability`). */
export default function AvailabilityWidget() {
  const w = useSimulationWidget(availabilityWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
