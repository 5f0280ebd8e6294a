import { useContainerWidth } from '../../charts/useContainerWidth.ts';
import type { CustomFigureModel } from './figure-model.ts';

/** As ChartFigure: the server draws at about Starlight's content width, the browser at the measured one. */
const SERVER_WIDTH = 640;
const MIN_WIDTH = 280;

/** A custom figure in the same frame as the shared charts: the drawing, then its summary as the figcaption the SVG names. */
export function CustomFigure({ model, idPrefix }: { model: CustomFigureModel; idPrefix: string }) {
  const [ref, measured] = useContainerWidth<HTMLElement>(SERVER_WIDTH);
  const width = Math.max(MIN_WIDTH, measured);
  const titleId = `${idPrefix}-${model.id}-title`;
  const summaryId = `${idPrefix}-${model.id}-summary`;
  return (
    <figure className="rl-figure" ref={ref}>
      {model.draw({ width, titleId, summaryId })}
      <figcaption id={summaryId} data-testid="chart-summary" className="rl-figure__summary">
        {model.summary}
      </figcaption>
    </figure>
  );
}
