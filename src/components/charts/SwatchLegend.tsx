import type { ReactElement } from 'react';
import { LEGEND_ROW_HEIGHT, LEGEND_SWATCH_WIDTH } from './legend-layout.ts';
import { textWidth, wrapText } from './text-metrics.ts';

export interface SwatchItem {
  readonly key: string;
  readonly label: string;
  /** Drawn in a box LEGEND_SWATCH_WIDTH − 6 wide and 18 high, centred on y = 9. */
  readonly swatch: ReactElement;
}

const GAP = 14;
const LINE = 15;

/**
 * A legend laid out like the shared charts' (items left to right, wrapping
 * to a new row), for marks the shared Legend has no swatch for. Unlike the
 * shared layout, an item too long for a phone's width wraps its own text
 * over several lines instead of running off the drawing.
 */
export function swatchLegend(items: readonly SwatchItem[], width: number, x: number, y: number): { element: ReactElement; height: number } {
  const placed: { item: SwatchItem; x: number; y: number; lines: string[] }[] = [];
  let cx = 0;
  let cy = 0;
  let rowHeight = LEGEND_ROW_HEIGHT;
  for (const item of items) {
    const w = LEGEND_SWATCH_WIDTH + textWidth(item.label) + GAP;
    if (cx > 0 && cx + w > width) {
      cy += rowHeight;
      cx = 0;
      rowHeight = LEGEND_ROW_HEIGHT;
    }
    const lines = cx === 0 && w > width ? wrapText(item.label, width - LEGEND_SWATCH_WIDTH) : [item.label];
    placed.push({ item, x: cx, y: cy, lines });
    rowHeight = Math.max(rowHeight, LEGEND_ROW_HEIGHT + (lines.length - 1) * LINE);
    cx += lines.length > 1 ? width : w;
  }
  const element = (
    <g className="rl-legend" transform={`translate(${x},${y})`}>
      {placed.map((p) => (
        <g key={p.item.key} transform={`translate(${p.x},${p.y})`}>
          {p.item.swatch}
          <text x={LEGEND_SWATCH_WIDTH} y={9} dominantBaseline="middle" className="rl-chart__legend-text">
            {p.lines.map((l, i) => (
              <tspan key={i} x={LEGEND_SWATCH_WIDTH} dy={i === 0 ? 0 : LINE}>
                {l}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </g>
  );
  return { element, height: placed.length === 0 ? 0 : cy + rowHeight };
}
