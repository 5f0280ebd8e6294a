import type { ReactElement } from 'react';
import { CHART } from './chart-layout.ts';
import { AXIS_TITLE_FONT, AXIS_TITLE_LINE, TITLE_FONT, TITLE_LINE, wrappedText } from './ChartText.tsx';
import { Legend, type LegendItem } from './Legend.tsx';
import { layoutLegend } from './legend-layout.ts';

/**
 * What sits above a plot: the visible title, the legend and the value axis's
 * title, each wrapped to the width, stacked; `top` is where the plot starts.
 * Titles are drawn inside the SVG so a downloaded chart keeps them.
 */
export function chartHeader(o: { title: string; legend: readonly LegendItem[]; valueTitle?: string; width: number; left: number }): { element: ReactElement; top: number } {
  const title = wrappedText({ text: o.title, x: 4, y: 15, width: o.width - 8, fontSize: TITLE_FONT, lineHeight: TITLE_LINE, className: 'rl-chart__title' });
  const legendTop = title.height + 4;
  const legend = layoutLegend(
    o.legend.map((i) => i.label),
    o.width - o.left - CHART.right,
  );
  const axisTop = legendTop + legend.height + CHART.gapAfterLegend;
  const axisX = Math.max(4, o.left - 8);
  const axis = o.valueTitle
    ? wrappedText({ text: o.valueTitle, x: axisX, y: axisTop + 12, width: o.width - axisX - CHART.right, fontSize: AXIS_TITLE_FONT, lineHeight: AXIS_TITLE_LINE, className: 'rl-chart__axis-title' })
    : undefined;
  const top = axisTop + (axis ? axis.height : 0) + 8;
  return {
    element: (
      <>
        {title.element}
        <Legend items={o.legend} placements={legend.placements} x={o.left} y={legendTop} />
        {axis?.element}
      </>
    ),
    top,
  };
}
