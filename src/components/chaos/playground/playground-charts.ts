import type { BarChartModel, LineChartModel, SeriesColor } from '../../charts/chart-model.ts';
import type { FigureModel } from '../../frame/figure-model.ts';
import { sidePrefix } from '../../frame/compare-sides.ts';
import { num, percent } from '../../stats/format-number.ts';
import type { PlaygroundSideView, PlaygroundView } from './playground-view.ts';

const endings = [
  { key: 'succeeded', label: 'A real answer' },
  { key: 'injectedFault', label: 'The injected fault' },
  { key: 'injectedOutcome', label: 'The injected fake result' },
  { key: 'timedOut', label: 'A timeout' },
  { key: 'serviceError', label: 'A real service error' },
] as const;

const sideColor = (i: number): SeriesColor => (i === 0 ? 1 : 5);

/** What the caller got, and how long it waited, A and B in the same two charts so they compare at a glance. */
export function playgroundFigures(view: PlaygroundView): FigureModel[] {
  return [outcomesChart(view), latencyChart(view)];
}

/** Legend labels stay short (a legend does not wrap on a phone); the summaries spell each pipeline out. */
function sideName(s: PlaygroundSideView): string {
  return s.label ? `Side ${s.label}` : 'Calls';
}

function rateSentence(s: PlaygroundSideView): string {
  const m = s.summary;
  return (
    `${sidePrefix(s.label)}With ${s.pipeline}, the injector acted on ${percent(m.observedRate)} of the ${num(m.decisions)} executions it saw ` +
    `(${percent(m.callsInjected)} of calls). The caller got a real answer in ${percent(m.succeeded)} of calls, the injected fault in ${percent(m.injectedFault)}, ` +
    `the injected fake result in ${percent(m.injectedOutcome)}, a timeout in ${percent(m.timedOut)}; ${num(m.attemptsPerCall)} attempts per call.`
  );
}

function outcomesChart(view: PlaygroundView): BarChartModel {
  return {
    kind: 'bar',
    id: 'outcomes',
    title: `What the caller got, of ${num(view.sides[0].summary.calls)} calls`,
    categories: endings.map((e) => ({ key: e.key, label: e.label })),
    value: { label: 'Share of calls', unit: '%', max: 100 },
    series: view.sides.map((s, i) => ({
      key: s.label || 'calls',
      label: sideName(s),
      color: sideColor(i),
      values: endings.map((e) => s.summary[e.key] * 100),
    })),
    summary: view.sides.map(rateSentence).join(' '),
  };
}

function latencyChart(view: PlaygroundView): LineChartModel {
  return {
    kind: 'line',
    id: 'latency',
    title: 'How long the caller waited, by percentile',
    x: { label: 'Percentile of calls', domain: [1, 100] },
    y: { label: 'Call latency', unit: 'ms', scale: 'log' },
    series: view.sides.map((s, i) => ({
      key: s.label || 'latency',
      label: sideName(s),
      color: sideColor(i),
      dash: i === 0 ? 'solid' : 'dashed',
      x: s.percentiles.p,
      y: s.percentiles.ms.map((ms) => Math.max(ms, 0.1)),
    })),
    summary: view.sides
      .map((s) => `${sidePrefix(s.label)}Median ${num(s.summary.p50)} ms, p99 ${num(s.summary.p99)} ms, longest ${num(s.summary.maxLatency)} ms.`)
      .join(' '),
  };
}
