import type { ReactElement } from 'react';
import { LEGEND_ROW_HEIGHT, LEGEND_SWATCH_WIDTH } from '../../charts/legend-layout.ts';
import { textWidth } from '../../charts/text-metrics.ts';

export interface MarkLegendItem {
  readonly key: string;
  readonly label: string;
  /** Drawn in a box LEGEND_SWATCH_WIDTH − 6 wide and 18 high, centred on y = 9. */
  readonly swatch: ReactElement;
}

const GAP = 14;

/** The timeline's marks explained, laid out like the shared charts' legends (left to right, wrapping into rows). */
export function markLegend(items: readonly MarkLegendItem[], width: number, x: number, y: number): { element: ReactElement; height: number } {
  let cx = 0;
  let cy = 0;
  const placed = items.map((item) => {
    const w = LEGEND_SWATCH_WIDTH + textWidth(item.label) + GAP;
    if (cx > 0 && cx + w > width) {
      cx = 0;
      cy += LEGEND_ROW_HEIGHT;
    }
    const at = { item, x: cx, y: cy };
    cx += w;
    return at;
  });
  const element = (
    <g className="rl-legend" transform={`translate(${x},${y})`}>
      {placed.map((p) => (
        <g key={p.item.key} transform={`translate(${p.x},${p.y})`}>
          {p.item.swatch}
          <text x={LEGEND_SWATCH_WIDTH} y={9} dominantBaseline="middle" className="rl-chart__legend-text">
            {p.item.label}
          </text>
        </g>
      ))}
    </g>
  );
  return { element, height: items.length === 0 ? 0 : cy + LEGEND_ROW_HEIGHT };
}
