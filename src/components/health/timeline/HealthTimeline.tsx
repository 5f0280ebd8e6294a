import { scaleLinear } from 'd3-scale';
import type { HealthTimeline as Timeline } from '../../../../simulations/scenarios/health-detection.ts';
import { Axis } from '../../charts/Axis.tsx';
import { CHART } from '../../charts/chart-layout.ts';
import { TITLE_FONT, TITLE_LINE, wrappedText } from '../../charts/ChartText.tsx';
import type { ChartSvgProps } from '../../charts/LineChart.tsx';
import { LEGEND_SWATCH_WIDTH } from '../../charts/legend-layout.ts';
import { seriesColor } from '../../charts/palette.ts';
import { textWidth } from '../../charts/text-metrics.ts';
import { axisTicks } from '../../charts/ticks.ts';
import { percent } from '../../stats/format-number.ts';
import { swatchLegend, type SwatchItem } from '../../charts/SwatchLegend.tsx';
import { outOfRotation } from './rotation-intervals.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';

const LANE = 34;
const OK = seriesColor(4);
const FAILED = seriesColor(5);
const OUT = seriesColor(7);
const EJECT = seriesColor(3);

/** A passed check: a short upright tick. */
function PassMark({ x, y }: { x: number; y: number }) {
  return <line x1={x} x2={x} y1={y - 5} y2={y + 5} style={{ stroke: OK, strokeWidth: 2 }} />;
}

/** A failed check: a cross, so it differs from a pass in shape as well as colour. */
function FailMark({ x, y }: { x: number; y: number }) {
  return <path d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`} style={{ stroke: FAILED, strokeWidth: 2, fill: 'none' }} />;
}

/** Out of rotation: a thick dashed bar along the lane. */
function OutBar({ x1, x2, y }: { x1: number; x2: number; y: number }) {
  return <line x1={x1} x2={x2} y1={y} y2={y} style={{ stroke: OUT, strokeWidth: 5, strokeDasharray: '7 3' }} />;
}

type EventKind = Timeline['events'][number]['kind'];

/** Threshold crossings point down (out) or up (back in); outlier ejections are diamonds, filled going out, hollow coming back. */
function EventMark({ kind, x, y }: { kind: EventKind; x: number; y: number }) {
  switch (kind) {
    case 'unhealthy':
      return <path d={`M${x - 6},${y - 5}H${x + 6}L${x},${y + 5}Z`} style={{ fill: FAILED, stroke: 'var(--sl-color-bg)', strokeWidth: 1 }} />;
    case 'healthy':
      return <path d={`M${x - 6},${y + 5}H${x + 6}L${x},${y - 5}Z`} style={{ fill: OK, stroke: 'var(--sl-color-bg)', strokeWidth: 1 }} />;
    case 'ejected':
      return <path d={`M${x},${y - 6}L${x + 6},${y}L${x},${y + 6}L${x - 6},${y}Z`} style={{ fill: EJECT, stroke: 'var(--sl-color-bg)', strokeWidth: 1 }} />;
    case 'unejected':
      return <path d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} style={{ fill: 'var(--sl-color-bg)', stroke: EJECT, strokeWidth: 2 }} />;
  }
}

const sw = LEGEND_SWATCH_WIDTH - 6;
const legendItems = (withOutlier: boolean): SwatchItem[] => [
  { key: 'pass', label: 'Check passed', swatch: <PassMark x={sw / 2} y={9} /> },
  { key: 'fail', label: 'Check failed', swatch: <FailMark x={sw / 2} y={9} /> },
  { key: 'unhealthy', label: 'Unhealthy threshold reached', swatch: <EventMark kind="unhealthy" x={sw / 2} y={9} /> },
  { key: 'healthy', label: 'Healthy threshold reached', swatch: <EventMark kind="healthy" x={sw / 2} y={9} /> },
  ...(withOutlier
    ? [
        { key: 'ejected', label: 'Ejected (outlier)', swatch: <EventMark kind="ejected" x={sw / 2} y={9} /> },
        { key: 'unejected', label: 'Ejection ended', swatch: <EventMark kind="unejected" x={sw / 2} y={9} /> },
      ]
    : []),
  { key: 'out', label: 'Out of rotation', swatch: <OutBar x1={0} x2={sw} y={9} /> },
  { key: 'outage', label: 'Backend down', swatch: <rect x={0} y={2} width={sw} height={14} className="rl-chart__shade" /> },
];

/** "host-0 (fails)", "host-1 (flaky 10%)", "host-2": the flaky backend's error rate is part of its name, so the drawing shows it. */
export function laneLabel(t: Timeline, host: number, flakyErrorRate: number): string {
  const role = t.roles[host];
  if (role === 'steady') return t.hosts[host];
  return role === 'fails' ? `${t.hosts[host]} (fails)` : `${t.hosts[host]} (flaky ${percent(flakyErrorRate)})`;
}

/**
 * One lane per backend over the first failure and the recovery after it:
 * every check (pass or fail) at the time it started, the moments a threshold
 * was crossed or an ejection began and ended, the stretches out of rotation,
 * and the outage itself shaded.
 */
export function HealthTimeline({
  timeline: t,
  flakyErrorRate,
  title,
  chartId,
  withOutlier,
  width,
  titleId,
  summaryId,
}: ChartSvgProps & { timeline: Timeline; flakyErrorRate: number; title: string; chartId: string; withOutlier: boolean }) {
  const labels = t.hosts.map((_, h) => laneLabel(t, h, flakyErrorRate));
  const left = Math.max(...labels.map((l) => textWidth(l, CHART.tickFont))) + 14;
  const plotRight = width - CHART.right;
  const heading = wrappedText({ text: title, x: 4, y: 15, width: width - 8, fontSize: TITLE_FONT, lineHeight: TITLE_LINE, className: 'rl-chart__title' });
  const legend = swatchLegend(legendItems(withOutlier), width - 8 - CHART.right, 4, heading.height + 4);
  const top = heading.height + 4 + legend.height + CHART.gapAfterLegend + 8;
  const plotHeight = t.hosts.length * LANE;
  const height = top + plotHeight + CHART.xAxisHeight;
  const x = scaleLinear()
    .domain([0, t.endMs / 1000])
    .range([left, plotRight])
    .nice();
  const ticks = axisTicks(x, Math.max(2, Math.floor((plotRight - left) / 80)));
  const laneY = (h: number) => top + h * LANE + LANE / 2;
  const failing = t.roles.indexOf('fails');

  return (
    <ChartSvg chartId={chartId} title={title} titleId={titleId} summaryId={summaryId} width={width} height={height}>
      {heading.element}
      {legend.element}

      {t.failures.map((f, i) => (
        <rect
          key={`outage-${i}`}
          className="rl-chart__shade"
          x={x(f.startMs / 1000)}
          y={laneY(failing) - LANE / 2}
          width={Math.max(1, x(f.endMs / 1000) - x(f.startMs / 1000))}
          height={LANE}
        />
      ))}

      <g className="rl-chart__grid">
        {ticks.map((tk) => (
          <line key={tk.key} x1={tk.at} x2={tk.at} y1={top} y2={top + plotHeight} />
        ))}
      </g>
      <g className="rl-chart__axis">
        {t.hosts.map((_, h) => (
          <line key={h} x1={left} x2={plotRight} y1={laneY(h)} y2={laneY(h)} style={{ strokeOpacity: 0.5 }} />
        ))}
      </g>
      <Axis orient="left" offset={left} ticks={labels.map((label, h) => ({ key: h, at: laneY(h), label }))} tickSize={0} tickPadding={8} />
      <Axis orient="bottom" offset={top + plotHeight} ticks={ticks} domain={[left, plotRight]} />
      <text className="rl-chart__axis-title" x={(left + plotRight) / 2} y={top + plotHeight + 38} textAnchor="middle">
        Time (s)
      </text>

      {t.hosts.map((_, h) => (
        <g key={h} data-host={t.hosts[h]}>
          {outOfRotation(t.events, h, t.endMs).map((o, i) => (
            <OutBar key={`out-${i}`} x1={x(o.start / 1000)} x2={x(o.end / 1000)} y={laneY(h) + 11} />
          ))}
          {t.checks
            .filter((c) => c.host === h)
            .map((c, i) => (c.ok ? <PassMark key={i} x={x(c.t / 1000)} y={laneY(h)} /> : <FailMark key={i} x={x(c.t / 1000)} y={laneY(h)} />))}
          {t.events
            .filter((e) => e.host === h)
            .map((e, i) => (
              <EventMark key={`event-${i}`} kind={e.kind} x={x(e.t / 1000)} y={laneY(h) - 11} />
            ))}
        </g>
      ))}
    </ChartSvg>
  );
}
