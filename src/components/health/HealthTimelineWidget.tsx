import { SimulationWidget } from '../frame/SimulationWidget.tsx';
import { timelineWidget } from './timeline/timeline-widget.ts';

export { timelineWidget as definition };

/** A health-check timeline: checks, thresholds crossed, ejection, traffic moving away and back (widget id `health`). */
export default function HealthTimelineWidget() {
  return <SimulationWidget definition={timelineWidget} />;
}
