import type { Dash, SeriesColor } from './chart-model.ts';
import { LEGEND_SWATCH_WIDTH, type LegendPlacement } from './legend-layout.ts';
import { dashArray, seriesColor } from './palette.ts';

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  readonly swatch: { readonly kind: 'line'; readonly color: SeriesColor; readonly dash?: Dash } | { readonly kind: 'bar'; readonly color: SeriesColor } | { readonly kind: 'shade' } | { readonly kind: 'rule' } | { readonly kind: 'whisker' };
}

/** The legend, inside the SVG so that a downloaded chart keeps it. */
export function Legend({ items, placements, x, y }: { items: readonly LegendItem[]; placements: readonly LegendPlacement[]; x: number; y: number }) {
  return (
    <g className="rl-legend" transform={`translate(${x},${y})`}>
      {items.map((item, i) => (
        <g key={item.key} transform={`translate(${placements[i].x},${placements[i].y})`}>
          <Swatch swatch={item.swatch} />
          <text x={LEGEND_SWATCH_WIDTH} y={9} dominantBaseline="middle" className="rl-chart__legend-text">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

function Swatch({ swatch }: { swatch: LegendItem['swatch'] }) {
  const w = LEGEND_SWATCH_WIDTH - 6;
  switch (swatch.kind) {
    case 'line':
      return <line x1={0} x2={w} y1={9} y2={9} style={{ stroke: seriesColor(swatch.color), strokeWidth: 2.5, strokeDasharray: dashArray(swatch.dash) }} />;
    case 'bar':
      return <rect x={0} y={3} width={w} height={12} style={{ fill: seriesColor(swatch.color) }} />;
    case 'shade':
      return <rect x={0} y={2} width={w} height={14} className="rl-chart__shade" />;
    case 'rule':
      return <line x1={w / 2} x2={w / 2} y1={1} y2={17} className="rl-chart__marker" />;
    case 'whisker':
      return <path d={`M1,5V13M1,9H${w - 1}M${w - 1},5V13`} className="rl-chart__whisker" />;
  }
}
