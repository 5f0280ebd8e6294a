import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { hedgingWidget } from './hedging/hedging-widget.ts';

export { hedgingWidget as definition };

/** Hedged requests: the latency tail with and without, over the hedge delay (widget id `hedging`). */
export default function HedgingWidget() {
  const w = useSimulationWidget(hedgingWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
