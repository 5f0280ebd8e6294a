import type { LineChartModel, SeriesColor, ShadedInterval, XMarker } from '../../charts/chart-model.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { CustomFigureModel, FigureModel } from '../../frame/figure-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { FailoverTimeline } from './FailoverTimeline.tsx';
import { failoverStory, levelShares, primaryName } from './timeline-story.ts';
import type { TimelineSideView, TimelineView } from './timeline-view.ts';

/** Per side: the timeline of hosts and checks, the traffic share of each level, and the requests that failed, over the same stretch. */
export function timelineFigures(view: TimelineView): FigureModel[] {
  return view.sides.flatMap((s) => [timelineFigure(s), shareChart(s), errorsChart(s)]);
}

const sec = (ms: number) => num(ms / 1000);

function describe(s: TimelineSideView): string {
  const v = s.values;
  const topology = v.mode === 'priority' ? 'Priority levels' : `Active-passive, failback hold ${num(v.failbackHold)} s`;
  return `${topology}; checks every ${count(v.interval)} ms, out after ${v.unhealthyThreshold} failed, back after ${v.healthyThreshold} passed`;
}

function timelineFigure(s: TimelineSideView): CustomFigureModel {
  const t = s.timeline;
  const id = sideChartId('failover-timeline', s.label);
  const title = `${sidePrefix(s.label)}${describe(s)}`;
  return {
    kind: 'custom',
    id,
    title,
    summary: `${sidePrefix(s.label)}${failoverStory(s)}`,
    draw: (p) => <FailoverTimeline {...p} timeline={t} title={title} chartId={id} />,
    rows: [
      ...t.checks.map((c) => ({
        series: `${t.hosts[c.host]}: check passed (1) or failed (0)`,
        x: c.t / 1000,
        y: c.ok ? 1 : 0,
        xLabel: 'Time (s)',
        yLabel: 'Check result',
      })),
      ...t.health.map((e) => ({
        series: `${t.hosts[e.host]}: declared healthy (1) or unhealthy (0)`,
        x: e.t / 1000,
        y: e.healthy ? 1 : 0,
        xLabel: 'Time (s)',
        yLabel: 'Verdict',
      })),
      ...t.switches.map((w) => ({ series: `traffic switched (${w.kind}) to ${t.hosts[w.to]}`, x: w.t / 1000, y: 1, xLabel: 'Time (s)', yLabel: 'Switch' })),
    ],
  };
}

/** The failure as one shaded stretch (a flapping primary's many short outages would each get a legend entry). */
function failureShade(s: TimelineSideView): ShadedInterval[] {
  const label = s.values.flapping ? 'Primary flapping' : 'Primary failing';
  return [{ start: s.failure.startMs / 1000, end: s.failure.endMs / 1000, label }];
}

/** The first moment traffic had left the primary, and the moment it was back for good. */
function switchMarkers(s: TimelineSideView): XMarker[] {
  const m = s.summary;
  const markers: XMarker[] = [];
  if (m.detectionTime >= 0)
    markers.push({
      x: (s.failure.startMs + m.detectionTime) / 1000,
      label: `All traffic off ${primaryName(s)} (${sec(s.failure.startMs + m.detectionTime)} s)`,
    });
  if (m.failbackTime >= 0)
    markers.push({ x: (s.failure.endMs + m.failbackTime) / 1000, label: `Back on ${primaryName(s)} (${sec(s.failure.endMs + m.failbackTime)} s)` });
  return markers;
}

const levelColor: readonly SeriesColor[] = [5, 1, 2, 6];
const levelDash = ['solid', 'dashed', 'dashdot', 'dotted'] as const;

/** "Primary", "standby-1", "Priority 0 (primary)": for the legend, or lower case inside a sentence. */
function levelName(s: TimelineSideView, level: number, inSentence = false): string {
  const name =
    s.values.mode === 'priority'
      ? `Priority ${level}${level === 0 ? ' (primary)' : ''}`
      : level === 0
        ? 'Primary'
        : s.timeline.hosts[s.timeline.levelOf.indexOf(level)];
  return inSentence ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function shareChart(s: TimelineSideView): LineChartModel {
  const t = s.timeline;
  const shares = levelShares(t);
  const x = shares[0].map((_, b) => ((b + 0.5) * t.share.bucketMs) / 1000);
  const during = (level: number) => mean(shares[level].filter((_, b) => x[b] * 1000 >= s.failure.startMs && x[b] * 1000 < s.failure.endMs));
  return {
    kind: 'line',
    id: sideChartId('failover-share', s.label),
    title: `${sidePrefix(s.label)}Share of the requests sent to each ${s.values.mode === 'priority' ? 'priority level' : 'host'}`,
    x: { label: 'Time', unit: 's', domain: [0, t.endMs / 1000] },
    y: { label: 'Share of requests', unit: '%', domain: [0, 100] },
    series: shares.map((col, level) => ({
      key: `level-${level}`,
      label: levelName(s, level),
      color: levelColor[level % levelColor.length],
      dash: levelDash[level % levelDash.length],
      x,
      y: col.map((v) => v * 100),
    })),
    shaded: failureShade(s),
    markers: switchMarkers(s),
    summary:
      `${sidePrefix(s.label)}While the primary was failing (${sec(s.failure.startMs)} to ${sec(s.failure.endMs)} s), ` +
      shares.map((_, level) => `${levelName(s, level, true)} received ${percent(during(level))} of the requests`).join(', ') +
      '.' +
      (s.values.mode === 'priority'
        ? ' Each level takes its health score (the share of its hosts that pass their checks, times 1.4, at most 100%); the rest spills to the next level.'
        : ''),
  };
}

function errorsChart(s: TimelineSideView): LineChartModel {
  const t = s.timeline;
  const { bucketMs, requests, errors } = t.series;
  const perSecond = 1000 / bucketMs;
  const x = requests.map((_, b) => ((b + 0.5) * bucketMs) / 1000);
  const failedTotal = errors.reduce((a, b) => a + b, 0);
  return {
    kind: 'line',
    id: sideChartId('failover-errors', s.label),
    title: `${sidePrefix(s.label)}Requests sent and requests that failed, per second`,
    x: { label: 'Time', unit: 's', domain: [0, t.endMs / 1000] },
    y: { label: 'Rate', unit: 'req/s' },
    series: [
      { key: 'sent', label: 'Sent', color: 8, dash: 'dashed', x, y: requests.map((v) => v * perSecond) },
      { key: 'failed', label: 'Failed (errors and timeouts)', color: 5, area: true, x, y: errors.map((v) => v * perSecond) },
    ],
    shaded: failureShade(s),
    markers: switchMarkers(s),
    summary:
      `${sidePrefix(s.label)}${count(failedTotal)} of ${count(s.summary.requests)} requests failed over the run, ${count(s.summary.failedDuringSwitch)} of them sent between the failure and the switch. ` +
      (s.summary.flaps > 0 ? `Each of the ${count(s.summary.flaps)} failbacks that did not stick cost another burst of failures. ` : '') +
      `Availability over the run: ${percent(s.summary.availability)}.`,
  };
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
