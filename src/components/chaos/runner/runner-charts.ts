import { max } from 'd3-array';
import type { LineChartModel, LineSeries, XMarker } from '../../charts/chart-model.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { FigureModel } from '../../frame/figure-model.ts';
import { num, percent } from '../../stats/format-number.ts';
import type { RunnerSideView, RunnerView } from './runner-view.ts';
import { verdictSentence } from './runner-verdict.ts';

/** Per side: the success-rate probe against its band and the abort line, then the p99 probe against its band. */
export function runnerFigures(view: RunnerView): FigureModel[] {
  const p99Max = max(view.sides.flatMap((s) => [...s.p99.map((x) => x ?? 0), s.sloP99])) ?? 1;
  return view.sides.flatMap((s) => [successChart(s), p99Chart(s, p99Max * 1.1)]);
}

/**
 * The ends of the whole run's probe windows: a preview's are only the first
 * of them, and a band drawn over the whole run keeps the chart as wide as the
 * whole run's while the probes' lines stop where the preview does.
 */
function windowEnds(s: RunnerSideView): number[] {
  if (s.verdict.status !== 'pending' || s.t.length === 0) return s.t;
  const step = s.t[0];
  return Array.from({ length: Math.round(s.duration / step) }, (_, k) => (k + 1) * step);
}

const flat = (s: RunnerSideView, y: number) => {
  const x = windowEnds(s);
  return { x, y: x.map(() => y) };
};

/** The fault as it ran: from its start to its planned end, or to the abort; in a preview, as far as it ran. */
function faultShading(s: RunnerSideView) {
  const pending = s.verdict.status === 'pending';
  const v = s.verdict.status === 'pending' ? s.verdict.soFar : s.verdict;
  let end = v.status === 'aborted' && v.reason === 'guard' ? Math.min(s.fault.end, v.atS) : s.fault.end;
  if (s.verdict.status === 'pending') end = Math.min(end, s.verdict.throughS);
  if (v.status === 'aborted' && v.reason === 'steady-state-not-met') return [];
  return pending && end <= s.fault.start ? [] : [{ start: s.fault.start, end, label: 'Fault injected' }];
}

/** The verdict at its time; none in a preview, whose verdict is pending. */
function verdictMarker(s: RunnerSideView): XMarker[] {
  if (s.verdict.status === 'refuted') return [{ x: s.verdict.atS, label: 'Refuted' }];
  if (s.verdict.status === 'aborted') return [{ x: s.verdict.atS, label: 'Aborted' }];
  return [];
}

/** "In the first 15 s of 40 s" for a preview. */
function soFar(s: RunnerSideView): string {
  return s.verdict.status === 'pending' ? `In the first ${num(s.verdict.throughS)} s of ${num(s.verdict.ofS)} s` : '';
}

function successChart(s: RunnerSideView): LineChartModel {
  const series: LineSeries[] = [
    { key: 'success-rate', label: 'Success rate per 1 s window', color: 1, x: s.t, y: s.successRate.map((x) => (x === null ? null : x * 100)) },
    { key: 'hypothesis', label: `Hypothesis: at least ${percent(s.sloSuccessRate)}`, color: 4, dash: 'dashed', ...flat(s, s.sloSuccessRate * 100) },
  ];
  if (s.abortBelow !== null)
    series.push({ key: 'abort-line', label: `Abort below ${percent(s.abortBelow)}`, color: 6, dash: 'dotted', ...flat(s, s.abortBelow * 100) });
  const lowest = Math.min(...s.successRate.map((x) => x ?? 1));
  const opening = `${sidePrefix(s.label)}With ${s.defences}, ${s.experiment} from ${num(s.fault.start)} s to ${num(s.fault.end)} s. `;
  return {
    kind: 'line',
    id: sideChartId('success-rate', s.label),
    title: `${sidePrefix(s.label)}Success-rate probe: ${s.experiment}`,
    x: { label: 'Time', unit: 's', domain: [0, s.duration] },
    y: { label: 'Requests that succeeded', unit: '%', domain: [0, 100] },
    series,
    shaded: faultShading(s),
    markers: verdictMarker(s),
    summary:
      opening +
      (s.successRateOverall === null
        ? `${soFar(s)}, the worst window’s success rate was ${percent(lowest)}.`
        : `The success rate was ${percent(s.successRateOverall)} over the whole run, ${percent(lowest)} in the worst window` +
          (s.degraded ? `, ${num(s.degraded)} of ${num(s.requests ?? 0)} requests answered by a fallback` : '') +
          '.') +
      ` ${verdictSentence(s)}`,
  };
}

function p99Chart(s: RunnerSideView, yMax: number): LineChartModel {
  const worst = max(s.p99.map((x) => x ?? 0)) ?? 0;
  return {
    kind: 'line',
    id: sideChartId('p99', s.label),
    title: `${sidePrefix(s.label)}Latency probe: p99 per window`,
    x: { label: 'Time', unit: 's', domain: [0, s.duration] },
    y: { label: 'p99 latency', unit: 'ms', domain: [0, yMax] },
    series: [
      { key: 'p99', label: 'p99 per 1 s window', color: 2, x: s.t, y: s.p99 },
      { key: 'hypothesis', label: `Hypothesis: at most ${num(s.sloP99)} ms`, color: 4, dash: 'dashed', ...flat(s, s.sloP99) },
    ],
    shaded: faultShading(s),
    markers: verdictMarker(s),
    summary:
      s.p99Overall === null
        ? `${sidePrefix(s.label)}${soFar(s)}, the worst window’s p99 latency was ${num(worst)} ms, against a hypothesis of at most ${num(s.sloP99)} ms; the whole run’s p99 follows.`
        : `${sidePrefix(s.label)}p99 latency was ${num(s.p99Overall)} ms over the whole run and ${num(worst)} ms in the worst window, against a hypothesis of at most ${num(s.sloP99)} ms.`,
  };
}
