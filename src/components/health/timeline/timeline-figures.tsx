import type { LineChartModel, SeriesColor, XMarker } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { CustomFigureModel, FigureModel } from '../../frame/figure-model.ts';
import { HealthTimeline, laneLabel } from './HealthTimeline.tsx';
import { failureStory, flakyRecord, meanShare } from './timeline-story.ts';
import type { TimelineSideView, TimelineView } from './timeline-view.ts';

/** Per side: the timeline of checks, the traffic shares over the same stretch, and the detection times of every failure against the bound. */
export function timelineFigures(view: TimelineView): FigureModel[] {
  return view.sides.flatMap((s) => [timelineFigure(s), shareChart(s), detectionChart(s)]);
}

const sec = (ms: number) => num(ms / 1000);

function timelineFigure(s: TimelineSideView): CustomFigureModel {
  const t = s.timeline;
  const v = s.values;
  const id = sideChartId('check-timeline', s.label);
  const title = `${sidePrefix(s.label)}Checks every ${count(v.interval)} ms, out after ${v.unhealthyThreshold} failed, back after ${v.healthyThreshold} passed${v.outlierDetection ? ', with outlier detection' : ''}`;
  const st = failureStory(t);
  const name = t.hosts[st.failing];
  const how = v.failureMode === 'hang' ? 'stopped answering' : 'started refusing connections';
  let story = `${name} ${how} at ${sec(st.downAt)} s`;
  if (st.firstFailedCheck !== undefined) story += `; its next check, at ${sec(st.firstFailedCheck)} s, failed`;
  if (st.out) {
    const cause =
      st.takenOutBy === 'outlier detection'
        ? 'Outlier detection'
        : v.unhealthyThreshold === 1
          ? 'One failed check'
          : `${v.unhealthyThreshold} failed checks in a row`;
    story += `. ${cause} took it out of rotation at ${sec(st.out.start)} s, ${sec(st.out.start - st.downAt)} s after it went down`;
    story += st.rejoined
      ? `. It came back at ${sec(st.upAt)} s and rejoined the rotation at ${sec(st.out.end)} s.`
      : `. It was still out when this stretch ends.`;
  } else {
    story += `, and it was not taken out of rotation before it came back at ${sec(st.upAt)} s.`;
  }
  const fl = flakyRecord(t);
  const flaky =
    ` The flaky ${t.hosts[fl.host]} (${percent(v.flakyErrorRate)} of its requests and checks fail) failed ${fl.failedChecks} of its ${fl.checks} checks here and was ${fl.removals === 0 ? 'never taken out' : `taken out ${fl.removals === 1 ? 'once' : `${fl.removals} times`}`}; ` +
    (s.preview
      ? `how often over all ${count(v.failures)} failures follows with the whole run.`
      : `over the whole run, ${s.summary.flakyRemovals === 0 ? 'never' : `${count(s.summary.flakyRemovals)} ${s.summary.flakyRemovals === 1 ? 'time' : 'times'}, out ${percent(s.summary.flakyOutFraction)} of the time`}.`);
  return {
    kind: 'custom',
    id,
    title,
    summary: `${sidePrefix(s.label)}${story}${flaky}`,
    draw: (p) => <HealthTimeline {...p} timeline={t} flakyErrorRate={v.flakyErrorRate} title={title} chartId={id} withOutlier={v.outlierDetection} />,
    rows: [
      ...t.checks.map((c) => ({
        series: `${laneLabel(t, c.host, v.flakyErrorRate)}: check passed (1) or failed (0)`,
        x: c.t / 1000,
        y: c.ok ? 1 : 0,
        xLabel: 'Time (s)',
        yLabel: 'Check result',
      })),
      ...t.events.map((e) => ({ series: `${laneLabel(t, e.host, v.flakyErrorRate)}: ${e.kind}`, x: e.t / 1000, y: 1, xLabel: 'Time (s)', yLabel: 'Event' })),
    ],
  };
}

function shareChart(s: TimelineSideView): LineChartModel {
  const t = s.timeline;
  const st = failureStory(t);
  const fl = flakyRecord(t).host;
  const steady = t.roles.map((r, h) => (r === 'steady' ? h : -1)).filter((h) => h >= 0);
  const n = t.hosts.length;
  const x = t.share.perHost[0].map((_, i) => ((i + 0.5) * t.share.bucketMs) / 1000);
  const pct = (col: readonly number[]) => col.map((v) => v * 100);
  const steadyMean = t.share.perHost[0].map((_, i) => steady.reduce((a, h) => a + t.share.perHost[h][i], 0) / Math.max(1, steady.length));
  const markers: XMarker[] = [];
  if (st.out) markers.push({ x: st.out.start / 1000, label: `${t.hosts[st.failing]} out of rotation` });
  if (st.out && st.rejoined) markers.push({ x: st.out.end / 1000, label: `${t.hosts[st.failing]} back in` });

  const phrases: string[] = [];
  const before = meanShare(t, st.failing, 0, st.downAt);
  if (before !== undefined) phrases.push(`${percent(before)} before it failed`);
  const down = meanShare(t, st.failing, st.downAt, st.out ? st.out.start : st.upAt);
  if (down !== undefined) phrases.push(`${percent(down)} while it was down but still in rotation (every one of those requests failed)`);
  const out = st.out ? meanShare(t, st.failing, st.out.start, st.out.end) : undefined;
  if (out !== undefined) phrases.push(`${percent(out)} while out of rotation`);
  const after = st.out && st.rejoined ? meanShare(t, st.failing, st.out.end, t.endMs) : undefined;
  if (after !== undefined) phrases.push(`${percent(after)} after it rejoined`);
  const steadyOut = st.out ? steady.map((h) => meanShare(t, h, st.out!.start, st.out!.end)).filter((v): v is number => v !== undefined) : [];
  return {
    kind: 'line',
    id: sideChartId('traffic-share', s.label),
    title: `${sidePrefix(s.label)}Each backend’s share of the requests, over the same stretch`,
    x: { label: 'Time', unit: 's', domain: [0, t.endMs / 1000] },
    y: { label: 'Share of requests', unit: '%' },
    series: [
      { key: 'failing', label: laneLabel(t, st.failing, s.values.flakyErrorRate), color: 5, x, y: pct(t.share.perHost[st.failing]) },
      { key: 'flaky', label: laneLabel(t, fl, s.values.flakyErrorRate), color: 3, dash: 'dashed', x, y: pct(t.share.perHost[fl]) },
      { key: 'steady', label: 'Each steady backend (mean)', color: 2, dash: 'dashdot', x, y: pct(steadyMean) },
      { key: 'even', label: `An even share: 1/${n}`, color: 8 as SeriesColor, dash: 'dotted', x: [0, t.endMs / 1000], y: [100 / n, 100 / n] },
    ],
    shaded: t.failures.map((f) => ({ start: f.startMs / 1000, end: f.endMs / 1000, label: `${t.hosts[st.failing]} down` })),
    markers,
    summary:
      `${sidePrefix(s.label)}${t.hosts[st.failing]} received ${phrases.join(', ')}.` +
      (steadyOut.length > 0
        ? ` While it was out, each steady backend carried ${percent(steadyOut.reduce((a, b) => a + b, 0) / steadyOut.length)} instead of ${percent(1 / n)}.`
        : '') +
      (s.preview
        ? ` How many requests per failure went to it before it was detected, over all ${count(s.values.failures)} failures, follows with the whole run.`
        : ` Over all ${s.summary.failures} failures, ${num(s.summary.errorsBeforeDetection)} requests per failure went to it before it was detected, and failed.`),
  };
}

/**
 * The detection times as a cumulative distribution: the share of failures
 * detected within each time. In a preview, of the failures simulated so far
 * (the first of the whole run's), on the whole run's axes.
 */
function detectionChart(s: TimelineSideView): LineChartModel {
  const m = s.summary;
  const detected = s.detectionTimes.filter((d): d is number => d !== null).sort((a, b) => a - b);
  const total = s.detectionTimes.length;
  const x: number[] = [0];
  const y: number[] = [0];
  detected.forEach((d, i) => {
    x.push(d / 1000, d / 1000);
    y.push((i / total) * 100, ((i + 1) / total) * 100);
  });
  const xMax = Math.max(m.detectionBound, detected[detected.length - 1] ?? 0) / 1000;
  x.push(xMax * 1.05);
  y.push(y[y.length - 1]);
  const v = s.values;
  const period = Math.max(v.interval + v.jitter, v.timeout);
  const by = [
    m.detectedByChecks > 0 ? `${m.detectedByChecks} by active checks` : '',
    m.detectedByOutlierDetection > 0 ? `${m.detectedByOutlierDetection} by outlier detection` : '',
  ].filter(Boolean);
  const undetected = m.undetected > 0 ? ` ${m.undetected} ${m.undetected === 1 ? 'was' : 'were'} never detected while it lasted.` : '';
  const within = detected.length > 0 && detected[detected.length - 1] <= m.detectionBound ? 'every one within' : 'not all within';
  const bound = `the bound of ${v.unhealthyThreshold} × ${count(period)} ms + ${count(v.timeout)} ms = ${sec(m.detectionBound)} s`;
  const theory = `theory for active checks alone: ${sec(m.expectedDetectionTime)} s`;
  const ofWhole = s.preview ? `the first ${total} of ${count(v.failures)} failures` : `${total} failures`;
  return {
    kind: 'line',
    id: sideChartId('detection-times', s.label),
    title: `${sidePrefix(s.label)}Time to take the failed backend out of rotation, over ${ofWhole}${s.preview ? ' so far' : ''}`,
    x: { label: 'Time from failure to detection', unit: 's', domain: [0, xMax * 1.05] },
    y: { label: 'Failures detected within that time', unit: '%', domain: [0, 100] },
    series: [{ key: 'detected', label: s.preview ? `Simulated so far: ${ofWhole}` : 'Simulated', color: 6, x, y }],
    markers: [
      { x: m.expectedDetectionTime / 1000, label: `Theory, active checks: mean ${sec(m.expectedDetectionTime)} s` },
      { x: m.detectionBound / 1000, label: `Bound: ${sec(m.detectionBound)} s` },
    ],
    summary: s.preview
      ? `${sidePrefix(s.label)}So far, of ${ofWhole}, ${detected.length} were detected${by.length > 0 ? ` (${by.join(', ')})` : ''}` +
        (detected.length > 0
          ? `: after ${sec(m.detectionTimeMean)} s on average (${theory}) and ${sec(m.detectionTimeMax)} s at worst, ${within} ${bound}.`
          : '.') +
        undetected +
        ` The other ${count(v.failures - total)} follow with the whole run.`
      : `${sidePrefix(s.label)}Of ${total} failures at random moments, ${detected.length} were detected${by.length > 0 ? ` (${by.join(', ')})` : ''}: ` +
        (detected.length > 0
          ? `after ${sec(m.detectionTimeMean)} s on average (${theory}), ${sec(m.detectionTimeP95)} s at the 95th percentile and ${sec(m.detectionTimeMax)} s at worst, ${within} ${bound}.`
          : 'none.') +
        undetected,
  };
}
