import { BarChart } from './BarChart.tsx';
import type { ChartModel } from './chart-model.ts';
import { LineChart } from './LineChart.tsx';
import { useContainerWidth } from './useContainerWidth.ts';

/** Width of the server-rendered drawing: about Starlight's content column. */
const SERVER_WIDTH = 640;
const MIN_WIDTH = 280;

/**
 * A chart with its text summary: a `<figure>` whose `<figcaption>` says in
 * words what the plot shows, and which the SVG names as its description.
 */
export function ChartFigure({ model, idPrefix }: { model: ChartModel; idPrefix: string }) {
  const [ref, measured] = useContainerWidth<HTMLElement>(SERVER_WIDTH);
  const width = Math.max(MIN_WIDTH, measured);
  const titleId = `${idPrefix}-${model.id}-title`;
  const summaryId = `${idPrefix}-${model.id}-summary`;
  return (
    <figure className="rl-figure" ref={ref}>
      {model.kind === 'line' ? (
        <LineChart model={model} width={width} titleId={titleId} summaryId={summaryId} />
      ) : (
        <BarChart model={model} width={width} titleId={titleId} summaryId={summaryId} />
      )}
      <figcaption id={summaryId} data-testid="chart-summary" className="rl-figure__summary">
        {model.summary}
      </figcaption>
    </figure>
  );
}
