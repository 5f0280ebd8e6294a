import type { ReactElement } from 'react';
import { BarChart } from './BarChart.tsx';
import type { ChartModel } from './chart-model.ts';
import { LineChart, type ChartSvgProps } from './LineChart.tsx';
import { useContainerWidth } from './useContainerWidth.ts';

/** Width of the server-rendered drawing: about Starlight's content column. */
const SERVER_WIDTH = 640;
const MIN_WIDTH = 280;

export interface FigureProps {
  /** The widget's id: figure ids are unique within it. */
  readonly idPrefix: string;
  /** The drawing's `data-chart` id. */
  readonly id: string;
  /** What the drawing shows, in words, from the run's numbers. */
  readonly summary: string;
  /** Draws the SVG at the measured width, labelled by `titleId` and `summaryId`. */
  readonly draw: (props: ChartSvgProps) => ReactElement;
}

/**
 * A drawing with its text summary: a `<figure>` whose `<figcaption>` says in
 * words what the plot shows, and which the SVG names as its description.
 * The server draws at about the content width, the browser at the measured one.
 */
export function Figure({ idPrefix, id, summary, draw }: FigureProps) {
  const [ref, measured] = useContainerWidth<HTMLElement>(SERVER_WIDTH);
  const width = Math.max(MIN_WIDTH, measured);
  const summaryId = `${idPrefix}-${id}-summary`;
  return (
    <figure className="rl-figure" ref={ref}>
      {draw({ width, titleId: `${idPrefix}-${id}-title`, summaryId })}
      <figcaption id={summaryId} data-testid="chart-summary" className="rl-figure__summary">
        {summary}
      </figcaption>
    </figure>
  );
}

/** A shared chart model drawn as its kind of chart. */
export function drawChart(model: ChartModel): (props: ChartSvgProps) => ReactElement {
  return (p) => (model.kind === 'line' ? <LineChart model={model} {...p} /> : <BarChart model={model} {...p} />);
}
