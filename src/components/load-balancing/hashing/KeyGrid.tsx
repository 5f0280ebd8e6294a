import { CHART } from '../../charts/chart-layout.ts';
import { TITLE_FONT, TITLE_LINE, wrappedText } from '../../charts/ChartText.tsx';
import type { ChartSvgProps } from '../../charts/LineChart.tsx';
import { LEGEND_SWATCH_WIDTH } from '../../charts/legend-layout.ts';
import { seriesColor } from '../../charts/palette.ts';
import { swatchLegend } from '../../charts/SwatchLegend.tsx';
import { fateCounts, gridColumns, keyFate, type KeyFate } from './key-cells.ts';
import { methods } from './hashing-specs.ts';
import type { HashingSideView } from './hashing-view.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';

const CELL_HEIGHT = 26;
const GAP = 4;
const PANEL_LABEL = 22;
const PANEL_GAP = 14;

/** Colour and border per fate; the border style tells them apart without colour. */
const fateStyle: Record<KeyFate, { fill: string; fillOpacity: number; stroke: string; dash?: string }> = {
  stayed: { fill: 'var(--sl-color-gray-6)', fillOpacity: 1, stroke: 'var(--sl-color-gray-5)' },
  required: { fill: seriesColor(4), fillOpacity: 0.22, stroke: seriesColor(4) },
  needless: { fill: seriesColor(5), fillOpacity: 0.22, stroke: seriesColor(5), dash: '4 2' },
};

function fateLabel(f: KeyFate, change: HashingSideView['change']): string {
  switch (f) {
    case 'stayed':
      return 'Stayed';
    case 'required':
      return change === 'add' ? 'Moved to the new backend: required' : 'Moved off the removed backend: required';
    case 'needless':
      return 'Moved between two backends that stayed: needless';
  }
}
const FATES: readonly KeyFate[] = ['stayed', 'required', 'needless'];

function cellStyle(f: KeyFate) {
  const st = fateStyle[f];
  return { fill: st.fill, fillOpacity: st.fillOpacity, stroke: st.stroke, strokeWidth: f === 'stayed' ? 1 : 2, strokeDasharray: st.dash };
}

/**
 * The same sampled keys under each method, one cell per key: its backend
 * number, or "before→after" when it moved, the cell coloured and bordered by
 * whether the move was forced by the change or needless.
 */
export function KeyGrid({ side, title, width, titleId, summaryId, chartId }: ChartSvgProps & { side: HashingSideView; title: string; chartId: string }) {
  const left = 4;
  const inner = width - left - CHART.right;
  const heading = wrappedText({ text: title, x: 4, y: 15, width: width - 8, fontSize: TITLE_FONT, lineHeight: TITLE_LINE, className: 'rl-chart__title' });
  const legendTop = heading.height + 4;
  const legend = swatchLegend(
    FATES.map((f) => ({
      key: f,
      label: fateLabel(f, side.change),
      swatch: <rect x={0} y={3} width={LEGEND_SWATCH_WIDTH - 6} height={12} style={cellStyle(f)} />,
    })),
    inner,
    left,
    legendTop,
  );
  const cols = gridColumns(inner);
  const sampleSize = side.methods[0].sample.length;
  const rows = Math.ceil(sampleSize / cols);
  const cellWidth = (inner - (cols - 1) * GAP) / cols;
  const panelHeight = PANEL_LABEL + rows * (CELL_HEIGHT + GAP);
  const top = legendTop + legend.height + CHART.gapAfterLegend + 6;
  const height = top + methods.length * (panelHeight + PANEL_GAP);

  return (
    <ChartSvg chartId={chartId} title={title} titleId={titleId} summaryId={summaryId} width={width} height={height}>
      {heading.element}
      {legend.element}
      {side.methods.map((m, mi) => {
        const y0 = top + mi * (panelHeight + PANEL_GAP);
        const label = methods.find((x) => x.method === m.method)!.label;
        const moved = sampleSize - fateCounts(side, m.sample).stayed;
        return (
          <g key={m.method} data-method={m.method}>
            <text className="rl-chart__axis-title" x={left} y={y0 + 14}>
              {`${label}: ${moved} of ${sampleSize} keys moved`}
            </text>
            {m.sample.map((k, i) => {
              const fate = keyFate(k, side.changed);
              const x = left + (i % cols) * (cellWidth + GAP);
              const y = y0 + PANEL_LABEL + Math.floor(i / cols) * (CELL_HEIGHT + GAP);
              return (
                <g key={k.key} data-fate={fate}>
                  <rect x={x} y={y} width={cellWidth} height={CELL_HEIGHT} rx={3} style={cellStyle(fate)} />
                  <text
                    x={x + cellWidth / 2}
                    y={y + CELL_HEIGHT / 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                    style={{
                      fill: fate === 'stayed' ? 'var(--sl-color-gray-2)' : 'var(--sl-color-white)',
                      fontSize: 11,
                      fontWeight: fate === 'stayed' ? 400 : 600,
                    }}
                  >
                    {fate === 'stayed' ? String(k.from) : `${k.from}→${k.to}`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}
