import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { playgroundWidget } from './playground/playground-widget.ts';

export { playgroundWidget as definition };

/** The fault-injection playground: one call path, one injector, what the caller gets (widget id `inject`). */
export default function FaultInjectionWidget() {
  const w = useSimulationWidget(playgroundWidget);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
