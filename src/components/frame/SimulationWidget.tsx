import type { ParamSpecs } from '../../params/params.ts';
import { Figures } from './Figures.tsx';
import { useSimulationWidget } from './useSimulationWidget.ts';
import type { WidgetDefinition } from './widget-definition.ts';
import { WidgetFrame } from './WidgetFrame.tsx';

/** The usual widget: the frame around its figures, in order. A widget with a layout of its own uses the hook and `<WidgetFrame>` itself. */
export function SimulationWidget<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>({ definition }: { definition: WidgetDefinition<S, T, M, V, VS> }) {
  const w = useSimulationWidget(definition);
  return (
    <WidgetFrame widget={w}>
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
