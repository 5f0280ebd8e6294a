import { scaleLinear } from 'd3-scale';
import type { FailoverTimeline as Timeline } from '../../../../simulations/scenarios/failover.ts';
import { CHART } from '../../charts/chart-layout.ts';
import { TITLE_FONT, TITLE_LINE, wrappedText } from '../../charts/ChartText.tsx';
import type { ChartSvgProps } from '../../charts/LineChart.tsx';
import { LEGEND_SWATCH_WIDTH } from '../../charts/legend-layout.ts';
import { seriesColor } from '../../charts/palette.ts';
import { swatchLegend, type SwatchItem } from '../../charts/SwatchLegend.tsx';
import { textWidth } from '../../charts/text-metrics.ts';
import { ticksOf } from '../../charts/ticks.ts';
import { servingStretches } from './timeline-story.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';

const LANE = 34;
const OK = seriesColor(4);
const FAILED = seriesColor(5);
const SERVING = seriesColor(1);
const SWITCH = seriesColor(3);

function PassMark({ x, y }: { x: number; y: number }) {
  return <line x1={x} x2={x} y1={y - 5} y2={y + 5} style={{ stroke: OK, strokeWidth: 2 }} />;
}

/** A cross, so a failed check differs from a passed one in shape as well as colour. */
function FailMark({ x, y }: { x: number; y: number }) {
  return <path d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`} style={{ stroke: FAILED, strokeWidth: 2, fill: 'none' }} />;
}

/** Declared unhealthy points down, healthy again points up. */
function VerdictMark({ healthy, x, y }: { healthy: boolean; x: number; y: number }) {
  const d = healthy ? `M${x - 6},${y + 5}H${x + 6}L${x},${y - 5}Z` : `M${x - 6},${y - 5}H${x + 6}L${x},${y + 5}Z`;
  return <path d={d} style={{ fill: healthy ? OK : FAILED, stroke: 'var(--sl-color-bg)', strokeWidth: 1 }} />;
}

function ServingBar({ x1, x2, y }: { x1: number; x2: number; y: number }) {
  return <line x1={x1} x2={x2} y1={y} y2={y} style={{ stroke: SERVING, strokeWidth: 6 }} />;
}

function SwitchRule({ x, y1, y2 }: { x: number; y1: number; y2: number }) {
  return <line x1={x} x2={x} y1={y1} y2={y2} style={{ stroke: SWITCH, strokeWidth: 2, strokeDasharray: '5 3' }} />;
}

const sw = LEGEND_SWATCH_WIDTH - 6;
const legendItems = (withSwitches: boolean): SwatchItem[] => [
  { key: 'serving', label: 'Receives requests', swatch: <ServingBar x1={0} x2={sw} y={9} /> },
  { key: 'pass', label: 'Check passed', swatch: <PassMark x={sw / 2} y={9} /> },
  { key: 'fail', label: 'Check failed', swatch: <FailMark x={sw / 2} y={9} /> },
  { key: 'unhealthy', label: 'Declared unhealthy', swatch: <VerdictMark healthy={false} x={sw / 2} y={9} /> },
  { key: 'healthy', label: 'Declared healthy', swatch: <VerdictMark healthy x={sw / 2} y={9} /> },
  ...(withSwitches ? [{ key: 'switch', label: 'Traffic switched', swatch: <SwitchRule x={sw / 2} y1={1} y2={17} /> }] : []),
  { key: 'failing', label: 'Failing', swatch: <rect x={0} y={2} width={sw} height={14} className="rl-chart__shade" /> },
];

/**
 * One lane per host: when it received requests, every health check (passed
 * or failed) at the time it started, the moments the checks declared it
 * unhealthy or healthy, the stretches it was failing (shaded), and, for
 * active-passive, the moments all traffic switched.
 */
export function FailoverTimeline({
  timeline: t,
  title,
  chartId,
  width,
  titleId,
  summaryId,
}: ChartSvgProps & { timeline: Timeline; title: string; chartId: string }) {
  const labels = t.hosts;
  const left = Math.max(...labels.map((l) => textWidth(l, CHART.tickFont))) + 14;
  const plotRight = width - CHART.right;
  const heading = wrappedText({ text: title, x: 4, y: 15, width: width - 8, fontSize: TITLE_FONT, lineHeight: TITLE_LINE, className: 'rl-chart__title' });
  const legend = swatchLegend(legendItems(t.switches.length > 0), width - 8 - CHART.right, 4, heading.height + 4);
  const top = heading.height + 4 + legend.height + CHART.gapAfterLegend + 8;
  const plotHeight = t.hosts.length * LANE;
  const height = top + plotHeight + CHART.xAxisHeight;
  const x = scaleLinear()
    .domain([0, t.endMs / 1000])
    .range([left, plotRight]);
  const ticks = ticksOf(x, Math.max(2, Math.floor((plotRight - left) / 80)));
  const laneY = (h: number) => top + h * LANE + LANE / 2;
  const ms = (v: number) => x(v / 1000);

  return (
    <ChartSvg chartId={chartId} title={title} titleId={titleId} summaryId={summaryId} width={width} height={height}>
      {heading.element}
      {legend.element}

      {t.levelOf.map((level, h) =>
        level === 0
          ? t.faults.map((f, i) => (
              <rect
                key={`fault-${h}-${i}`}
                className="rl-chart__shade"
                x={ms(f.startMs)}
                y={laneY(h) - LANE / 2}
                width={Math.max(1, ms(f.endMs) - ms(f.startMs))}
                height={LANE}
              />
            ))
          : null,
      )}

      <g className="rl-chart__grid">
        {ticks.map((tk) => (
          <line key={tk.value} x1={x(tk.value)} x2={x(tk.value)} y1={top} y2={top + plotHeight} />
        ))}
      </g>
      <g className="rl-chart__axis">
        {t.hosts.map((_, h) => (
          <g key={h}>
            <text x={left - 8} y={laneY(h)} textAnchor="end" dominantBaseline="middle">
              {labels[h]}
            </text>
            <line x1={left} x2={plotRight} y1={laneY(h)} y2={laneY(h)} style={{ strokeOpacity: 0.5 }} />
          </g>
        ))}
        <line x1={left} x2={plotRight} y1={top + plotHeight} y2={top + plotHeight} />
        {ticks.map((tk) => (
          <g key={tk.value} transform={`translate(${x(tk.value)},${top + plotHeight})`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {tk.label}
            </text>
          </g>
        ))}
      </g>
      <text className="rl-chart__axis-title" x={(left + plotRight) / 2} y={top + plotHeight + 38} textAnchor="middle">
        Time (s)
      </text>

      {t.switches.map((s, i) => (
        <SwitchRule key={`switch-${i}`} x={ms(s.t)} y1={top} y2={top + plotHeight} />
      ))}

      {t.hosts.map((name, h) => (
        <g key={h} data-host={name}>
          {servingStretches(t, h).map((s, i) => (
            <ServingBar key={`serving-${i}`} x1={ms(s.start)} x2={ms(s.end)} y={laneY(h) + 11} />
          ))}
          {t.checks
            .filter((c) => c.host === h)
            .map((c, i) => (c.ok ? <PassMark key={i} x={ms(c.t)} y={laneY(h)} /> : <FailMark key={i} x={ms(c.t)} y={laneY(h)} />))}
          {t.health
            .filter((e) => e.host === h)
            .map((e, i) => (
              <VerdictMark key={`verdict-${i}`} healthy={e.healthy} x={ms(e.t)} y={laneY(h) - 11} />
            ))}
        </g>
      ))}
    </ChartSvg>
  );
}
