import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { failoverWidget } from './timeline/timeline-widget.ts';

export { failoverWidget as definition };

/** A failover timeline: checks, the switch, errors during the gap, failback (widget id `failover`). */
export default function FailoverTimelineWidget() {
  const w = useSimulationWidget(failoverWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
