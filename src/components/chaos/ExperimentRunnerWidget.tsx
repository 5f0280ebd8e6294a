import { Figures } from '../frame/Figures.tsx';
import { useSimulationWidget } from '../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../frame/WidgetFrame.tsx';
import { RunnerVerdicts } from './runner/RunnerVerdicts.tsx';
import { runnerWidget } from './runner/runner-widget.ts';
import './chaos-widgets.css';

export { runnerWidget as definition };

/** The experiment runner: a fault, a blast radius, defences; the probes against the hypothesis and the verdict (widget id `experiment`). */
export default function ExperimentRunnerWidget() {
  const w = useSimulationWidget(runnerWidget);
  return (
    <WidgetFrame widget={w}>
      <RunnerVerdicts view={w.view} />
      <Figures figures={w.figures} idPrefix={w.id} />
    </WidgetFrame>
  );
}
