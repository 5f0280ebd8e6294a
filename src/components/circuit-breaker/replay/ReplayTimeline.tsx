import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, type PointerEvent, type ReactElement } from 'react';
import { Axis } from '../../charts/Axis.tsx';
import { CHART } from '../../charts/chart-layout.ts';
import { ChartSvg } from '../../charts/ChartSvg.tsx';
import { axisTitle } from '../../charts/chart-model.ts';
import { chartHeader } from '../../charts/ChartHeader.tsx';
import { AXIS_TITLE_FONT, AXIS_TITLE_LINE, wrappedText } from '../../charts/ChartText.tsx';
import { continuousScale } from '../../charts/continuous-scale.ts';
import type { LegendItem } from '../../charts/Legend.tsx';
import { dashArray, seriesColor } from '../../charts/palette.ts';
import { textWidth } from '../../charts/text-metrics.ts';
import { axisTicks, ticksOf } from '../../charts/ticks.ts';
import { formatReplayTime } from './replay-time.ts';
import { stateColor } from './state-colors.ts';
import type { TimelineModel } from './timeline-model.ts';

export interface ReplayTimelineProps {
  readonly model: TimelineModel;
  /** Every state of the machine, in definition order (for colours). */
  readonly stateOrder: readonly string[];
  readonly width: number;
  readonly titleId: string;
  readonly summaryId: string;
  /** Replay time, s. */
  readonly cursor: number;
  /** The reader pointed at a time on the plot (s). */
  readonly onSeek?: (t: number) => void;
}

const BAND_LABEL = 16;
const BAND = 18;
const BAND_GAP = 8;
const PANEL = 86;
const PANEL_GAP = 14;
const CURSOR_LABEL = 16;

/**
 * How thick a state's stretch of the band is: the band thickens as the
 * breaker opens, so states differ by shape as well as by colour.
 */
function bandHeight(state: string): number {
  switch (state) {
    case 'closed':
      return 6;
    case 'disabled':
      return 3;
    case 'half-open':
      return 12;
    default:
      return BAND;
  }
}

type Point = readonly [number, number | null];

/**
 * The run replayed: the breaker's state band(s) above panels for the error
 * rate, the calls reaching the dependency and the callers' latency, all on
 * one time axis, with the outage shaded and a cursor at the replay time.
 * D3 computes the scales and shapes; React draws. A pointer on the plot seeks.
 * Everything but the cursor is drawn once per run and width: while the
 * replay plays, the cursor moves 20 times a second and only it is redrawn.
 */
export function ReplayTimeline({ model, stateOrder, width, titleId, summaryId, cursor, onSeek }: ReplayTimelineProps) {
  const { body, x, left, plotRight, top, bottom, height } = useMemo(() => drawStatic(model, stateOrder, width), [model, stateOrder, width]);
  const cursorX = x(Math.min(model.x.domain[1], Math.max(0, cursor)));

  const seek = (e: PointerEvent<SVGSVGElement>) => {
    if (!onSeek) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * width;
    if (px < left - 4 || px > plotRight + 4) return;
    onSeek(Math.min(model.x.domain[1], Math.max(0, x.invert(px))));
  };

  return (
    <ChartSvg
      chartId={model.id}
      title={model.title}
      titleId={titleId}
      summaryId={summaryId}
      width={width}
      height={height}
      extraClass="rl-timeline"
      onPointerDown={(e) => {
        if (!onSeek) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        seek(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) seek(e);
      }}
    >
      {body}

      <g className="rl-timeline__cursor" data-cursor={cursor}>
        <line x1={cursorX} x2={cursorX} y1={top - 4} y2={bottom} />
        <text x={Math.min(plotRight - 30, Math.max(left + 30, cursorX))} y={top - 7} textAnchor="middle">
          {formatReplayTime(cursor)}
        </text>
      </g>
    </ChartSvg>
  );
}

/** The timeline without its cursor, and where the cursor goes. */
function drawStatic(model: TimelineModel, stateOrder: readonly string[], width: number) {
  const panels = model.panels.map((p) => {
    const log = p.y.scale === 'log';
    const y = continuousScale(
      p.series.flatMap((s) => s.y).filter((v): v is number => v !== null),
      { log, domain: p.y.domain, includeZero: !log },
    );
    return { model: p, log, y, ticks: ticksOf(y, 3, log) };
  });
  const legend: LegendItem[] = [
    ...model.runs.map((r): LegendItem => ({ key: r.key, label: r.label, swatch: { kind: 'line', color: r.color, dash: r.dash } })),
    { key: 'offered', label: 'Offered (new requests)', swatch: { kind: 'line', color: 8, dash: 'dotted' } },
    ...model.states.map((s): LegendItem => ({ key: `state-${s}`, label: s, swatch: { kind: 'bar', color: stateColor(s, stateOrder) } })),
    ...model.shaded.map((s, i): LegendItem => ({ key: `shade-${i}`, label: s.label, swatch: { kind: 'shade' } })),
    { key: 'cursor', label: 'Replay time', swatch: { kind: 'rule' } },
  ];
  const left = Math.max(36, ...panels.flatMap((p) => p.ticks.map((t) => textWidth(t.label, CHART.tickFont)))) + 10;
  const header = chartHeader({ title: model.title, legend, width, left });
  const plotRight = width - CHART.right;
  const x = scaleLinear().domain(model.x.domain).range([left, plotRight]);
  const xTicks = axisTicks(x, Math.max(2, Math.floor((plotRight - left) / 80)));

  const top = header.top + CURSOR_LABEL;
  let y0 = top;
  const bands = model.bands.map((b) => {
    const at = y0;
    y0 += BAND_LABEL + BAND + BAND_GAP;
    return { band: b, labelY: at + 12, bandTop: at + BAND_LABEL };
  });
  const titleX = Math.max(4, left - 8);
  const placed = panels.map((p) => {
    const heading = wrappedText({
      text: `${p.model.title} (${p.model.y.unit ?? ''})`,
      x: titleX,
      y: y0 + 12,
      width: width - titleX - CHART.right,
      fontSize: AXIS_TITLE_FONT,
      lineHeight: AXIS_TITLE_LINE,
      className: 'rl-chart__axis-title',
    });
    const plotTop = y0 + heading.height + 10;
    y0 = plotTop + PANEL + PANEL_GAP;
    p.y.range([plotTop + PANEL, plotTop]);
    return { ...p, heading: heading.element, plotTop };
  });
  const bottom = y0 - PANEL_GAP;
  const height = bottom + CHART.xAxisHeight;

  const body: ReactElement = (
    <>
      {header.element}

      {model.shaded.map((s, i) => {
        const a = Math.max(left, x(s.start));
        const b = Math.min(plotRight, x(s.end));
        return b > a ? <rect key={`shade-${i}`} className="rl-chart__shade" x={a} y={top} width={b - a} height={bottom - top} /> : null;
      })}

      {bands.map(({ band, labelY, bandTop }) => (
        <g key={band.key} className="rl-timeline__band" data-band={band.key}>
          <text x={left} y={labelY} className="rl-chart__axis-title">
            {band.label}
          </text>
          <line className="rl-timeline__band-rail" x1={left} x2={plotRight} y1={bandTop + BAND / 2} y2={bandTop + BAND / 2} />
          {band.segments.map((s) => {
            const a = x(s.start);
            const w = Math.max(1.5, x(s.end) - a);
            const h = bandHeight(s.state);
            return (
              <rect
                key={`${s.start}`}
                data-state={s.state}
                className={`rl-state-fill--${stateColor(s.state, stateOrder)}`}
                x={a}
                y={bandTop + (BAND - h) / 2}
                width={w}
                height={h}
              />
            );
          })}
        </g>
      ))}

      {placed.map((p) => {
        const path = line<Point>()
          .defined((pt) => pt[1] !== null && Number.isFinite(pt[1]) && (!p.log || pt[1] > 0))
          .x((pt) => x(pt[0]))
          .y((pt) => Math.max(p.plotTop - 2, Math.min(p.plotTop + PANEL + 2, p.y(pt[1] as number))));
        return (
          <g key={p.model.id} data-panel={p.model.id}>
            {p.heading}
            <g className="rl-chart__grid">
              {p.ticks.map((t) => (
                <line key={t.value} x1={left} x2={plotRight} y1={p.y(t.value)} y2={p.y(t.value)} />
              ))}
            </g>
            <Axis orient="left" offset={left} ticks={p.ticks.map((t) => ({ key: t.value, at: p.y(t.value), label: t.label }))} tickSize={0} tickPadding={6} />
            <Axis orient="bottom" offset={p.plotTop + PANEL} ticks={[]} domain={[left, plotRight]} />
            {p.model.series.map((s) => (
              <path
                key={s.key}
                data-series={s.key}
                d={path(s.x.map((xv, i): Point => [xv, s.y[i]])) ?? undefined}
                style={{ fill: 'none', stroke: seriesColor(s.color), strokeWidth: 2, strokeDasharray: dashArray(s.dash), strokeLinejoin: 'round' }}
              />
            ))}
          </g>
        );
      })}

      <Axis orient="bottom" offset={bottom} ticks={xTicks} />
      <text className="rl-chart__axis-title" x={(left + plotRight) / 2} y={bottom + 38} textAnchor="middle">
        {axisTitle(model.x)}
      </text>
    </>
  );
  return { body, x, left, plotRight, top, bottom, height };
}
