import { CHART } from '../../charts/chart-layout.ts';
import { AXIS_TITLE_FONT, AXIS_TITLE_LINE, TITLE_FONT, TITLE_LINE, wrappedText } from '../../charts/ChartText.tsx';
import type { ChartSvgProps } from '../../charts/LineChart.tsx';
import { LEGEND_SWATCH_WIDTH } from '../../charts/legend-layout.ts';
import { seriesColor } from '../../charts/palette.ts';
import { swatchLegend } from '../../charts/SwatchLegend.tsx';
import { num } from '../../stats/format-number.ts';
import type { ComputedCellView, MapSideView, PendingCellView } from './map-view.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';

const CELL_HEIGHT = 30;
const GAP = 3;
const ROW_LABELS = 46;

/**
 * Colour, border and mark per fate: the mark and the border style tell them
 * apart without colour. A cell still being computed is empty, with a dotted
 * grey border: no outcome is drawn before its run is back.
 */
const fate = {
  recovered: { fill: seriesColor(4), fillOpacity: 0.25, stroke: seriesColor(4), dash: undefined, mark: '✓', label: 'Recovered after the spike' },
  collapsed: { fill: seriesColor(5), fillOpacity: 0.25, stroke: seriesColor(5), dash: '4 2', mark: '✗', label: 'Stayed collapsed after the spike' },
  pending: { fill: 'none', fillOpacity: 0, stroke: 'var(--sl-color-gray-3)', dash: '1 3', mark: '…', label: 'Still being computed' },
} as const;

type Fate = keyof typeof fate;

function cellStyle(f: Fate) {
  return { fill: fate[f].fill, fillOpacity: fate[f].fillOpacity, stroke: fate[f].stroke, strokeWidth: 2, strokeDasharray: fate[f].dash };
}

/** What a cell's link says to a screen reader. */
export function cellLabel(c: ComputedCellView): string {
  const outcome = c.recovered ? 'recovered' : 'stayed collapsed';
  return `A spike to ${num(c.spikeRate)} req/s for ${num(c.spikeDuration)} s: ${outcome} (goodput ${num(c.goodputAfter)} req/s at the end). Open it in the retry-storm widget.`;
}

/**
 * The map: one cell per trigger, larger triggers up, longer ones right, each
 * cell a link to the retry-storm widget set to that cell. The drawing is a
 * group of links, not an image, so the links stay reachable by keyboard and
 * screen reader.
 */
export function MapGrid({ side, title, chartId, width, titleId, summaryId }: ChartSvgProps & { side: MapSideView; title: string; chartId: string }) {
  const left = ROW_LABELS;
  const inner = width - left - CHART.right;
  const heading = wrappedText({ text: title, x: 4, y: 15, width: width - 8, fontSize: TITLE_FONT, lineHeight: TITLE_LINE, className: 'rl-chart__title' });
  const legendTop = heading.height + 4;
  const legend = swatchLegend(
    (['recovered', 'collapsed', 'pending'] as const).map((f) => ({
      key: f,
      label: `${fate[f].mark} ${fate[f].label}`,
      swatch: <rect x={0} y={3} width={LEGEND_SWATCH_WIDTH - 6} height={12} style={cellStyle(f)} />,
    })),
    width - 8,
    4,
    legendTop,
  );
  const yTitle = wrappedText({
    text: 'Trigger size: load during the spike (req/s)',
    x: 4,
    y: legendTop + legend.height + CHART.gapAfterLegend + 12,
    width: width - 8,
    fontSize: AXIS_TITLE_FONT,
    lineHeight: AXIS_TITLE_LINE,
    className: 'rl-chart__axis-title',
  });
  const top = legendTop + legend.height + CHART.gapAfterLegend + yTitle.height + 10;
  const cols = side.spikeDurations.length;
  const rows = side.spikeRates.length;
  const cellWidth = (inner - (cols - 1) * GAP) / cols;
  const gridBottom = top + rows * (CELL_HEIGHT + GAP);
  const height = gridBottom + 44;
  return (
    <ChartSvg chartId={chartId} title={title} titleId={titleId} summaryId={summaryId} width={width} height={height} role="group">
      {heading.element}
      {legend.element}
      {yTitle.element}
      {side.spikeRates.map((rate, i) => {
        // The largest trigger on top, as on a chart whose y axis grows upwards.
        const y = top + (rows - 1 - i) * (CELL_HEIGHT + GAP);
        return (
          <g key={rate} data-series={`spike-${rate}`}>
            <text className="rl-chart__value" x={left - 6} y={y + CELL_HEIGHT / 2} textAnchor="end" dominantBaseline="central">
              {num(rate)}
            </text>
            {side.cells[i].map((c, j) => {
              const x = left + j * (cellWidth + GAP);
              if (!c.computed) return <PendingCell key={c.spikeDuration} cell={c} x={x} y={y} width={cellWidth} />;
              const f = c.recovered ? 'recovered' : 'collapsed';
              return (
                <a key={c.spikeDuration} href={c.href} aria-label={cellLabel(c)} data-recovered={String(c.recovered)} className="rl-map__cell">
                  <rect x={x} y={y} width={cellWidth} height={CELL_HEIGHT} rx={3} style={cellStyle(f)} />
                  <CellMark f={f} x={x} y={y} width={cellWidth} />
                </a>
              );
            })}
          </g>
        );
      })}
      {side.spikeDurations.map((d, j) => (
        <text key={d} className="rl-chart__value" x={left + j * (cellWidth + GAP) + cellWidth / 2} y={gridBottom + 12} textAnchor="middle">
          {num(d)}
        </text>
      ))}
      <text className="rl-chart__axis-title" x={left + inner / 2} y={gridBottom + 34} textAnchor="middle">
        Trigger length: how long the spike lasts (s)
      </text>
    </ChartSvg>
  );
}

function CellMark({ f, x, y, width }: { f: Fate; x: number; y: number; width: number }) {
  return (
    <text x={x + width / 2} y={y + CELL_HEIGHT / 2} textAnchor="middle" dominantBaseline="central" aria-hidden="true" style={{ fill: 'var(--sl-color-white)', fontSize: 14, fontWeight: 600 }}>
      {fate[f].mark}
    </text>
  );
}

/** A cell not computed yet: no link (its outcome is not known), a label that says so. */
function PendingCell({ cell, x, y, width }: { cell: PendingCellView; x: number; y: number; width: number }) {
  return (
    <g role="img" aria-label={`A spike to ${num(cell.spikeRate)} req/s for ${num(cell.spikeDuration)} s: still being computed.`} data-pending="true">
      <rect x={x} y={y} width={width} height={CELL_HEIGHT} rx={3} style={cellStyle('pending')} />
      <CellMark f="pending" x={x} y={y} width={width} />
    </g>
  );
}
