/** Which side of the plot an axis is on; ticks and labels point away from the plot. */
export type AxisOrient = 'top' | 'right' | 'bottom' | 'left';

export interface AxisTick {
  readonly key: string | number;
  /** Position along the axis, in px. */
  readonly at: number;
  readonly label: string;
}

export interface AxisProps {
  readonly orient: AxisOrient;
  /** Where the axis stands across the plot, in px: its y for top and bottom, its x for left and right. */
  readonly offset: number;
  readonly ticks: readonly AxisTick[];
  /** The axis line along the plot, from and to in px; none when absent. */
  readonly domain?: readonly [number, number];
  /** Length of a tick mark, outwards; 0 draws labels only. */
  readonly tickSize?: number;
  /** Gap between a tick mark (or the axis) and its label. */
  readonly tickPadding?: number;
}

/**
 * An axis in the manner of d3-axis: one function for the four orientations,
 * tick marks pointing away from the plot and labels beyond them, placed with
 * d3's own offsets (0.71em below, 0.32em to centre beside). D3 computes the
 * ticks (see ticks.ts); React draws them.
 */
export function Axis({ orient, offset, ticks, domain, tickSize = 5, tickPadding = 3 }: AxisProps) {
  const vertical = orient === 'left' || orient === 'right';
  const k = orient === 'top' || orient === 'left' ? -1 : 1;
  const out = k * (tickSize + tickPadding);
  const anchor = orient === 'left' ? 'end' : orient === 'right' ? 'start' : 'middle';
  const dy = orient === 'bottom' ? '0.71em' : vertical ? '0.32em' : undefined;
  return (
    <g className="rl-chart__axis" data-axis={orient}>
      {domain ? (
        vertical ? (
          <line x1={offset} x2={offset} y1={domain[0]} y2={domain[1]} />
        ) : (
          <line x1={domain[0]} x2={domain[1]} y1={offset} y2={offset} />
        )
      ) : null}
      {ticks.map((t) => (
        <g key={t.key} transform={vertical ? `translate(${offset},${t.at})` : `translate(${t.at},${offset})`}>
          {tickSize > 0 ? vertical ? <line x2={k * tickSize} /> : <line y2={k * tickSize} /> : null}
          <text x={vertical ? out : undefined} y={vertical ? undefined : out} dy={dy} textAnchor={anchor}>
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}
