import { area, line } from 'd3-shape';
import { Axis } from './Axis.tsx';
import { CHART } from './chart-layout.ts';
import { continuousScale } from './continuous-scale.ts';
import { axisTitle, type LineChartModel } from './chart-model.ts';
import { chartHeader } from './ChartHeader.tsx';
import type { LegendItem } from './Legend.tsx';
import { dashArray, seriesColor } from './palette.ts';
import { textWidth } from './text-metrics.ts';
import { axisTicks, ticksOf } from './ticks.ts';
import { ChartSvg } from './ChartSvg.tsx';

export interface ChartSvgProps {
  readonly width: number;
  readonly titleId: string;
  readonly summaryId: string;
}

type Point = readonly [number, number | null];

/** Time series and sweeps: lines (optionally one filled area), shaded intervals, vertical markers. D3 computes; React draws. */
export function LineChart({ model, width, titleId, summaryId, plotHeight = 210 }: ChartSvgProps & { model: LineChartModel; plotHeight?: number }) {
  const log = model.y.scale === 'log';
  const logX = model.x.scale === 'log';
  const xScale = continuousScale(
    model.series.flatMap((s) => s.x),
    { log: logX, domain: model.x.domain },
  );
  const yScale = continuousScale(
    model.series.flatMap((s) => s.y).filter((v): v is number => v !== null),
    { log, domain: model.y.domain, includeZero: !log },
  );
  const yTicks = ticksOf(yScale, 5, log);

  const legendItems: LegendItem[] = [
    ...model.series.map((s): LegendItem => ({ key: s.key, label: s.label, swatch: { kind: 'line', color: s.color, dash: s.dash } })),
    ...(model.shaded ?? []).map((s, i): LegendItem => ({ key: `shade-${i}`, label: s.label, swatch: { kind: 'shade' } })),
    ...(model.markers ?? []).map((m, i): LegendItem => ({ key: `marker-${i}`, label: m.label, swatch: { kind: 'rule' } })),
  ];
  const left = Math.max(28, ...yTicks.map((t) => textWidth(t.label, CHART.tickFont))) + 10;
  const header = chartHeader({ title: model.title, legend: legendItems, valueTitle: axisTitle(model.y), width, left });
  const top = header.top;
  const height = top + plotHeight + CHART.xAxisHeight;
  const plotRight = width - CHART.right;
  xScale.range([left, plotRight]);
  yScale.range([top + plotHeight, top]);
  const xTicks = axisTicks(xScale, Math.max(2, Math.floor((plotRight - left) / 80)), logX);
  const yAxisTicks = yTicks.map((t) => ({ key: t.value, at: yScale(t.value), label: t.label }));

  const clampY = (v: number) => Math.max(top - 2, Math.min(top + plotHeight + 2, yScale(v)));
  const defined = (p: Point) => p[1] !== null && Number.isFinite(p[1]) && (!log || p[1] > 0) && (!logX || p[0] > 0);
  const path = line<Point>()
    .defined(defined)
    .x((p) => xScale(p[0]))
    .y((p) => clampY(p[1] as number));
  const fill = area<Point>()
    .defined(defined)
    .x((p) => xScale(p[0]))
    .y0(top + plotHeight)
    .y1((p) => clampY(p[1] as number));

  return (
    <ChartSvg chartId={model.id} title={model.title} titleId={titleId} summaryId={summaryId} width={width} height={height}>
      {header.element}

      {(model.shaded ?? []).map((s, i) => {
        const a = Math.max(left, xScale(s.start));
        const b = Math.min(plotRight, xScale(s.end));
        return b > a ? <rect key={`shade-${i}`} className="rl-chart__shade" x={a} y={top} width={b - a} height={plotHeight} /> : null;
      })}

      <g className="rl-chart__grid">
        {yAxisTicks.map((t) => (
          <line key={t.key} x1={left} x2={plotRight} y1={t.at} y2={t.at} />
        ))}
      </g>
      <Axis orient="left" offset={left} ticks={yAxisTicks} tickSize={0} tickPadding={6} />
      <Axis orient="bottom" offset={top + plotHeight} ticks={xTicks} domain={[left, plotRight]} />
      <text className="rl-chart__axis-title" x={(left + plotRight) / 2} y={top + plotHeight + 38} textAnchor="middle">
        {axisTitle(model.x)}
      </text>

      {model.series.map((s) => {
        const pts: Point[] = s.x.map((x, i) => [x, s.y[i]]);
        return (
          <g key={s.key} className="rl-chart__series" data-series={s.key}>
            {s.area ? <path d={fill(pts) ?? undefined} style={{ fill: seriesColor(s.color), fillOpacity: 0.15, stroke: 'none' }} /> : null}
            <path
              d={path(pts) ?? undefined}
              style={{ fill: 'none', stroke: seriesColor(s.color), strokeWidth: 2, strokeDasharray: dashArray(s.dash), strokeLinejoin: 'round' }}
            />
            {pts
              .filter((p, i) => defined(p) && (s.points || isolated(pts, i, defined)))
              .map((p) => (
                <circle key={p[0]} cx={xScale(p[0])} cy={clampY(p[1] as number)} r={3.5} style={{ fill: seriesColor(s.color) }} />
              ))}
          </g>
        );
      })}

      {(model.markers ?? []).map((m, i) => {
        const x = xScale(m.x);
        return x >= left && x <= plotRight ? <line key={`marker-${i}`} className="rl-chart__marker" x1={x} x2={x} y1={top} y2={top + plotHeight} /> : null;
      })}
    </ChartSvg>
  );
}

/**
 * A point with no defined neighbour: a line through it has no length and
 * draws nothing, so it gets a dot (a sweep's first point while the rest is
 * still running, a value between two gaps).
 */
function isolated(pts: readonly Point[], i: number, defined: (p: Point) => boolean): boolean {
  return !(i > 0 && defined(pts[i - 1])) && !(i + 1 < pts.length && defined(pts[i + 1]));
}
