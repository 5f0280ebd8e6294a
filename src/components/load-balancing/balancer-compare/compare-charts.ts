import { lbHeterogeneousSpec } from '../../../../simulations/scenarios/specs/lb-heterogeneous.ts';
import type { BarChartModel, ChartModel, Dash, LineChartModel, SeriesColor, ShadedInterval } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { AlgorithmRun, CompareSideView, CompareView } from './compare-view.ts';

/** The two algorithms of a side, always drawn the same way: the first solid, the second dashed, so they differ in grey too. */
const runStyles: readonly { color: SeriesColor; dash: Dash }[] = [
  { color: 1, dash: 'solid' },
  { color: 2, dash: 'dashed' },
];

/** Per side: per-backend load, latency quantiles and errors, the faulty backend's traffic over time, tail latency over time, errors over time. */
export function compareCharts(view: CompareView): ChartModel[] {
  return view.sides.flatMap((s) => [shareChart(s), latencyChart(s), faultyShareChart(s), p99Chart(s), errorsChart(s)]);
}

const faultyId = (s: CompareSideView) => s.backends[0].id;
const hasFault = (s: CompareSideView) => s.fault.end > s.fault.start;
const faultWords = (s: CompareSideView) => lbHeterogeneousSpec.params.fault.optionLabels?.[s.fault.kind as keyof typeof lbHeterogeneousSpec.params.fault.optionLabels] ?? s.fault.kind;

/** The time axes' end: the whole runs' length, also while a preview shows their start. */
const end = (s: CompareSideView) => s.preview?.durationS ?? s.t.length;
/** What the numbers cover: "over the whole run", or a preview's "in the first 10 s". */
const span = (s: CompareSideView) => (s.preview ? `in the first ${num(s.preview.seconds)} s` : 'over the whole run');

function shading(s: CompareSideView): ShadedInterval[] {
  return hasFault(s) ? [{ start: s.fault.start, end: s.fault.end, label: `Fault: ${faultyId(s)} ${faultWords(s)}` }] : [];
}

/** "Round robin" and, if both runs are of the same algorithm, which of the two it is (a preview has the first run only). */
function runLabels(s: CompareSideView): string[] {
  const [a, b] = s.runs;
  return b && a.algorithm === b.algorithm ? [`${a.label} (1)`, `${b.label} (2)`] : s.runs.map((r) => r.label);
}

function backendLabel(s: CompareSideView, i: number): string {
  const b = s.backends[i];
  return i === 0 && hasFault(s) ? `${b.id} (faulty)` : b.id;
}

/** "fast backends serve at 2×, slow ones at 0.5× the normal speed". */
function speeds(s: CompareSideView): string {
  const fast = s.backends.find((b) => b.group === 'fast')!.speed;
  const slow = s.backends.find((b) => b.group === 'slow')!.speed;
  return `fast backends serve at ${num(fast)}×, slow ones at ${num(slow)}× the normal speed`;
}

function shareChart(s: CompareSideView): BarChartModel {
  const labels = runLabels(s);
  const groups = (g: AlgorithmRun['groupShares'] | CompareSideView['groupCapacity']) => `fast ${percent(g.fast)}, normal ${percent(g.normal)}, slow ${percent(g.slow)}`;
  return {
    kind: 'bar',
    id: sideChartId('backend-share', s.label),
    title: `${sidePrefix(s.label)}Share of all requests sent to each backend`,
    categories: s.backends.map((b, i) => ({ key: b.id, label: backendLabel(s, i) })),
    value: { label: 'Share of requests', unit: '%' },
    series: [
      ...s.runs.map((r, i) => ({ key: `run-${i}`, label: labels[i], color: runStyles[i].color, values: r.shares.map((x) => x * 100) })),
      { key: 'capacity', label: 'Share of capacity', color: 8 as SeriesColor, values: s.backends.map((b) => b.capacityShare * 100) },
    ],
    summary:
      `${sidePrefix(s.label)}Requests per group of backends ${span(s)}: ${s.runs.map((r, i) => `${labels[i]} sent ${groups(r.groupShares)}`).join('; ')}. ` +
      `Their share of the capacity (${speeds(s)}): ${groups(s.groupCapacity)}.`,
  };
}

function latencyChart(s: CompareSideView): BarChartModel {
  const labels = runLabels(s);
  return {
    kind: 'bar',
    id: sideChartId('latency', s.label),
    title: `${sidePrefix(s.label)}Latency of the requests that succeeded`,
    categories: labels.map((label, i) => ({ key: `run-${i}`, label })),
    value: { label: 'Latency', unit: 'ms' },
    series: [
      { key: 'p50', label: 'Median (p50)', color: 4, values: s.runs.map((r) => r.latencyP50) },
      { key: 'p99', label: '99th percentile (p99)', color: 5, values: s.runs.map((r) => r.latencyP99) },
    ],
    summary:
      `${sidePrefix(s.label)}${s.preview ? `In the first ${num(s.preview.seconds)} s: ` : ''}` +
      s.runs
        .map((r, i) => `${labels[i]}: median ${num(r.latencyP50)} ms, p99 ${num(r.latencyP99)} ms, and ${percent(r.errorRate)} of ${count(r.requests)} requests failed (timed out, shed or refused)`)
        .join('; ') +
      '.',
  };
}

function faultyShareChart(s: CompareSideView): LineChartModel {
  const labels = runLabels(s);
  const fair = s.backends[0].capacityShare;
  const during = s.preview
    ? `${hasFault(s) ? `The fault (${num(s.fault.start)}–${num(s.fault.end)} s) comes after these first ${num(s.preview.seconds)} s; in them` : `There is no fault; in the first ${num(s.preview.seconds)} s`} ${faultyId(s)}, whose fair share is ${percent(fair)}, received ${s.runs.map((r, i) => `${percent(r.shares[0])} with ${labels[i]}`).join(' and ')}.`
    : hasFault(s)
    ? `During the fault (${num(s.fault.start)}–${num(s.fault.end)} s) ${faultyId(s)}, whose fair share is ${percent(fair)}, received ${s.runs.map((r, i) => `${percent(r.faultyShare)} of the requests with ${labels[i]}`).join(' and ')}.`
    : `There is no fault; over the run ${faultyId(s)}, whose fair share is ${percent(fair)}, received ${s.runs.map((r, i) => `${percent(r.shares[0])} with ${labels[i]}`).join(' and ')}.`;
  const removals = s.runs.some((r) => r.removals > 0) ? ` Backends were taken out of rotation${s.preview ? ` ${span(s)}` : ''} ${s.runs.map((r, i) => `${count(r.removals)} times with ${labels[i]}`).join(' and ')}.` : '';
  return {
    kind: 'line',
    id: sideChartId('faulty-share', s.label),
    title: `${sidePrefix(s.label)}Share of each second’s requests sent to ${faultyId(s)}`,
    x: { label: 'Time', unit: 's', domain: [0, end(s)] },
    y: { label: 'Share of requests', unit: '%' },
    series: [
      ...s.runs.map((r, i) => ({ key: `run-${i}`, label: labels[i], ...runStyles[i], x: s.t, y: r.faultyShareOverTime.map((x) => (x === null ? null : x * 100)) })),
      { key: 'fair', label: 'Its share of capacity', color: 8 as SeriesColor, dash: 'dotted' as Dash, x: [0, end(s)], y: [fair * 100, fair * 100] },
    ],
    shaded: shading(s),
    summary: `${sidePrefix(s.label)}${during}${removals}`,
  };
}

/** The worst second and when it was. */
function peak(ys: readonly (number | null)[], t: readonly number[]): { value: number; at: number } {
  let best = { value: 0, at: 0 };
  ys.forEach((y, k) => {
    if (y !== null && y > best.value) best = { value: y, at: t[k] };
  });
  return best;
}

function p99Chart(s: CompareSideView): LineChartModel {
  const labels = runLabels(s);
  return {
    kind: 'line',
    id: sideChartId('p99-over-time', s.label),
    title: `${sidePrefix(s.label)}99th percentile latency, each second`,
    x: { label: 'Time', unit: 's', domain: [0, end(s)] },
    y: { label: 'p99 of the requests that succeeded', unit: 'ms' },
    series: s.runs.map((r, i) => ({ key: `run-${i}`, label: labels[i], ...runStyles[i], x: s.t, y: r.p99OverTime })),
    shaded: shading(s),
    summary: `${sidePrefix(s.label)}The worst second’s p99${s.preview ? ` ${span(s)}` : ''}: ${s.runs
      .map((r, i) => {
        const p = peak(r.p99OverTime, s.t);
        return `${num(p.value)} ms at ${num(p.at)} s with ${labels[i]}`;
      })
      .join('; ')}.`,
  };
}

function errorsChart(s: CompareSideView): LineChartModel {
  const labels = runLabels(s);
  return {
    kind: 'line',
    id: sideChartId('errors', s.label),
    title: `${sidePrefix(s.label)}Requests that failed, each second`,
    x: { label: 'Time', unit: 's', domain: [0, end(s)] },
    y: { label: 'Failed requests', unit: 'req/s' },
    series: s.runs.map((r, i) => ({ key: `run-${i}`, label: labels[i], ...runStyles[i], x: s.t, y: r.errorsOverTime })),
    shaded: shading(s),
    summary: `${sidePrefix(s.label)}Failed requests (timed out, shed or refused) ${s.preview ? span(s) : 'over the run'}: ${s.runs
      .map((r, i) => {
        const p = peak(r.errorsOverTime, s.t);
        return `${count(r.errors)} with ${labels[i]}${r.errors > 0 ? `, at worst ${num(p.value)} per second at ${num(p.at)} s` : ''}`;
      })
      .join('; ')}.`,
  };
}
