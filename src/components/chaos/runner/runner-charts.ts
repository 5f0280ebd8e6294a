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

const flat = (s: RunnerSideView, y: number) => s.t.map(() => y);

/** The fault as it ran: from its start to its planned end, or to the abort. */
function faultShading(s: RunnerSideView) {
  const end = s.verdict.status === 'aborted' && s.verdict.reason === 'guard' ? Math.min(s.fault.end, s.verdict.atS) : s.fault.end;
  return s.verdict.status === 'aborted' && s.verdict.reason === 'steady-state-not-met' ? [] : [{ start: s.fault.start, end, label: 'Fault injected' }];
}

function verdictMarker(s: RunnerSideView): XMarker[] {
  if (s.verdict.status === 'refuted') return [{ x: s.verdict.atS, label: 'Refuted' }];
  if (s.verdict.status === 'aborted') return [{ x: s.verdict.atS, label: 'Aborted' }];
  return [];
}

function successChart(s: RunnerSideView): LineChartModel {
  const series: LineSeries[] = [
    { key: 'success-rate', label: 'Success rate per 1 s window', color: 1, x: s.t, y: s.successRate.map((x) => (x === null ? null : x * 100)) },
    { key: 'hypothesis', label: `Hypothesis: at least ${percent(s.sloSuccessRate)}`, color: 4, dash: 'dashed', x: s.t, y: flat(s, s.sloSuccessRate * 100) },
  ];
  if (s.abortBelow !== null)
    series.push({ key: 'abort-line', label: `Abort below ${percent(s.abortBelow)}`, color: 6, dash: 'dotted', x: s.t, y: flat(s, s.abortBelow * 100) });
  const lowest = Math.min(...s.successRate.map((x) => x ?? 1));
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
      `${sidePrefix(s.label)}With ${s.defences}, ${s.experiment} from ${num(s.fault.start)} s to ${num(s.fault.end)} s. ` +
      `The success rate was ${percent(s.successRateOverall)} over the whole run, ${percent(lowest)} in the worst window` +
      (s.degraded > 0 ? `, ${num(s.degraded)} of ${num(s.requests)} requests answered by a fallback` : '') +
      `. ${verdictSentence(s)}`,
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
      { key: 'hypothesis', label: `Hypothesis: at most ${num(s.sloP99)} ms`, color: 4, dash: 'dashed', x: s.t, y: flat(s, s.sloP99) },
    ],
    shaded: faultShading(s),
    markers: verdictMarker(s),
    summary: `${sidePrefix(s.label)}p99 latency was ${num(s.p99Overall)} ms over the whole run and ${num(worst)} ms in the worst window, against a hypothesis of at most ${num(s.sloP99)} ms.`,
  };
}
