import { max } from 'd3-array';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { Axis } from './Axis.tsx';
import { CHART } from './chart-layout.ts';
import { axisTitle, type BarChartModel } from './chart-model.ts';
import { chartHeader } from './ChartHeader.tsx';
import type { LegendItem } from './Legend.tsx';
import type { ChartSvgProps } from './LineChart.tsx';
import { seriesColor } from './palette.ts';
import { textWidth } from './text-metrics.ts';
import { axisTicks } from './ticks.ts';
import { ChartSvg } from './ChartSvg.tsx';

const BAR = 16;
const ROW_GAP = 12;
const valueLabel = format(',.3~r');

/**
 * Horizontal bars, one row per category: category names ("decorrelated",
 * "token bucket") stay readable on a phone, which they would not be under
 * vertical bars. Each bar is labelled with its value.
 */
export function BarChart({ model, width, titleId, summaryId }: ChartSvgProps & { model: BarChartModel }) {
  const hasErrors = model.series.some((s) => s.errors);
  const legendItems: LegendItem[] = [
    ...model.series.map((s): LegendItem => ({ key: s.key, label: s.label, swatch: { kind: 'bar', color: s.color } })),
    ...(hasErrors && model.errorLabel ? [{ key: 'errors', label: model.errorLabel, swatch: { kind: 'whisker' } } satisfies LegendItem] : []),
  ];
  const left = Math.max(...model.categories.map((c) => textWidth(c.label, CHART.tickFont))) + 14;
  const header = chartHeader({ title: model.title, legend: legendItems, width, left });
  const top = header.top;
  const rowHeight = model.series.length * BAR + ROW_GAP;
  const plotHeight = model.categories.length * rowHeight;
  const height = top + plotHeight + CHART.xAxisHeight;
  // Room on the right for the value printed after the longest bar.
  const plotRight = width - CHART.right - 48;

  const largest = max(model.series.flatMap((s) => s.values.map((v, i) => v + (s.errors?.[i] ?? 0)))) ?? 1;
  const x = scaleLinear()
    .domain([0, model.value.max ?? Math.max(largest, 1e-9)])
    .nice()
    .range([left, plotRight]);
  const rows = scaleBand<string>()
    .domain(model.categories.map((c) => c.key))
    .range([top, top + plotHeight]);
  const xTicks = axisTicks(x, Math.max(2, Math.floor((plotRight - left) / 80)));
  const categoryTicks = model.categories.map((c) => ({ key: c.key, at: (rows(c.key) ?? 0) + rowHeight / 2, label: c.label }));

  return (
    <ChartSvg chartId={model.id} title={model.title} titleId={titleId} summaryId={summaryId} width={width} height={height}>
      {header.element}

      <g className="rl-chart__grid">
        {xTicks.map((t) => (
          <line key={t.key} x1={t.at} x2={t.at} y1={top} y2={top + plotHeight} />
        ))}
      </g>
      <Axis orient="left" offset={left} ticks={categoryTicks} domain={[top, top + plotHeight]} tickSize={0} tickPadding={8} />
      <Axis orient="bottom" offset={top + plotHeight} ticks={xTicks} domain={[left, plotRight]} />
      <text className="rl-chart__axis-title" x={(left + plotRight) / 2} y={top + plotHeight + 38} textAnchor="middle">
        {axisTitle(model.value)}
      </text>

      {model.categories.map((c, ci) => (
        <g key={c.key} data-category={c.key}>
          {model.series.map((s, si) => {
            const y = (rows(c.key) ?? 0) + ROW_GAP / 2 + si * BAR;
            const v = s.values[ci];
            const e = s.errors?.[ci];
            const end = x(Math.max(0, v));
            return (
              <g key={s.key} className="rl-chart__series" data-series={s.key}>
                <rect x={left} y={y + 1} width={Math.max(0, end - left)} height={BAR - 2} style={{ fill: seriesColor(s.color) }} />
                {e !== undefined && e > 0 ? (
                  <path
                    className="rl-chart__whisker"
                    d={`M${x(Math.max(0, v - e))},${y + 4}V${y + BAR - 4}M${x(Math.max(0, v - e))},${y + BAR / 2}H${x(v + e)}M${x(v + e)},${y + 4}V${y + BAR - 4}`}
                  />
                ) : null}
                <text className="rl-chart__value" x={Math.max(end, e ? x(v + e) : end) + 4} y={y + BAR / 2} dominantBaseline="middle">
                  {valueLabel(v)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </ChartSvg>
  );
}
