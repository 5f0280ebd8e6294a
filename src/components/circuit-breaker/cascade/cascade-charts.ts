import { max } from 'd3-array';
import type { BarChartModel, ChartModel, LineChartModel } from '../../charts/chart-model.ts';
import { num, percent } from '../../stats/format-number.ts';
import type { CascadeSideView, CascadeView } from './cascade-view.ts';

/**
 * Per side, A's goodput on each kind of traffic with B's fault shaded; then
 * A's busy workers and the goodput that matters most (traffic that never
 * needed B) before and during the fault, both sides in one chart each. In
 * compare mode the goodput charts share one y range, so heights compare fairly.
 */
export function cascadeCharts(view: CascadeView): ChartModel[] {
  const compare = view.sides.length > 1;
  const yMax = max(view.sides.flatMap((s) => [...s.independentOffered, ...s.independentGoodput, ...s.dependentGoodput])) ?? 1;
  return [...view.sides.map((s) => goodputChart(s, compare, yMax)), workersChart(view), independentBars(view)];
}

const prefix = (s: CascadeSideView, compare: boolean) => (compare ? `${s.label}: ` : '');
const faultShade = (s: CascadeSideView) => ({ start: s.window.start, end: s.window.end, label: `B’s fault (${s.fault.replace(/^B /, '')})` });

function share(during: number, before: number): string {
  return before > 0 ? ` (${percent(during / before)} of before)` : '';
}

function goodputChart(s: CascadeSideView, compare: boolean, yMax: number): LineChartModel {
  const breakerNote =
    s.trips === 0
      ? s.protection.includes('circuit breaker')
        ? ' The breaker never tripped.'
        : ''
      : s.firstTripAfter === null
        ? ` The breaker tripped ${s.trips} ${s.trips === 1 ? 'time' : 'times'}.`
        : ` The breaker first tripped ${num(s.firstTripAfter)} s into the fault (${s.trips} ${s.trips === 1 ? 'trip' : 'trips'} in all).`;
  return {
    kind: 'line',
    id: compare && s.label === 'B' ? 'goodput-b' : 'goodput',
    title: `${prefix(s, compare)}A’s goodput by kind of traffic (${s.protection})`,
    x: { label: 'Time', unit: 's', domain: [0, s.durationS] },
    y: { label: 'Rate', unit: 'req/s', domain: [0, yMax] },
    series: [
      { key: 'independent-offered', label: 'Offered: traffic not needing B', color: 8, dash: 'dotted', x: s.t, y: s.independentOffered },
      { key: 'independent', label: 'Goodput: traffic not needing B', color: 4, area: true, x: s.t, y: s.independentGoodput },
      { key: 'dependent', label: 'Goodput: traffic needing B', color: 2, dash: 'dashed', x: s.t, y: s.dependentGoodput },
    ],
    shaded: [faultShade(s)],
    summary:
      s.previewS !== null
        ? `${prefix(s, compare)}Preview with ${s.protection}, while ${s.fault} (${num(s.window.start)} s to ${num(s.window.end)} s): the first ${num(s.previewS)} s of the ${num(s.durationS)} s run. Goodput before and during the fault follows with the whole run.`
        : goodputSummary(s, compare, breakerNote),
  };
}

function goodputSummary(s: CascadeSideView, compare: boolean, breakerNote: string): string {
  return (
    `${prefix(s, compare)}With ${s.protection}, while ${s.fault} (${num(s.window.start)} s to ${num(s.window.end)} s): ` +
    `A served the traffic that does not need B at ${num(s.independentBefore)} req/s before the fault and ${num(s.independentDuring)} req/s during it${share(s.independentDuring, s.independentBefore)}; ` +
    `the traffic that needs B at ${num(s.dependentBefore)} and ${num(s.dependentDuring)} req/s.${breakerNote}`
  );
}

function workersChart(view: CascadeView): LineChartModel {
  const compare = view.sides.length > 1;
  const first = view.sides[0];
  const most = max(view.sides, (s) => s.workers) ?? 1;
  const sentences = view.sides.map((s) => {
    const who = compare ? `${s.label} (${s.protection}): ` : `With ${s.protection}, `;
    if (s.previewS !== null)
      return `${who}a preview of the first ${num(s.previewS)} s of the ${num(s.durationS)} s run; A’s busy workers before and during the fault follow with the whole run.`;
    return `${who}${num(s.busyBefore)} of A’s ${s.workers} workers were busy on average before the fault and ${num(s.busyDuring)} during it.`;
  });
  return {
    kind: 'line',
    id: 'workers',
    title: compare ? 'A’s busy workers' : `A’s busy workers, out of ${first.workers}`,
    x: { label: 'Time', unit: 's', domain: [0, max(view.sides, (s) => s.durationS) ?? 1] },
    y: { label: 'Busy workers, mean over each second', unit: 'workers', domain: [0, most] },
    series: view.sides.map((s, i) => ({
      key: s.label || 'busy',
      label: compare ? `${s.label}: ${s.protection}` : 'Busy workers',
      color: i === 0 ? 1 : 6,
      dash: i === 0 ? 'solid' : 'dashed',
      x: s.t,
      y: s.busyWorkers,
    })),
    shaded: [faultShade(first)],
    summary: sentences.join(' '),
  };
}

function independentBars(view: CascadeView): BarChartModel {
  const compare = view.sides.length > 1;
  const name = (s: CascadeSideView) => (compare ? `${s.label}: ${s.protection}` : capitalise(s.protection));
  const title = 'Goodput on traffic that does not need B, before and during the fault';
  const chart = {
    kind: 'bar',
    id: 'independent',
    title,
    categories: view.sides.map((s) => ({ key: s.label || 'run', label: name(s) })),
    value: { label: 'Goodput', unit: 'req/s' },
  } as const;
  const preview = view.sides.find((s) => s.previewS !== null);
  // A preview's numbers are its shorter run's: no bars rather than partial ones, until the whole run comes.
  if (preview?.previewS)
    return { ...chart, series: [], summary: `${title}: these follow with the whole run (a preview of its first ${num(preview.previewS)} s is shown).` };
  return {
    ...chart,
    series: [
      { key: 'before', label: 'Before the fault', color: 8, values: view.sides.map((s) => s.independentBefore) },
      { key: 'during', label: 'During the fault', color: 4, values: view.sides.map((s) => s.independentDuring) },
    ],
    summary: `${title}: ${view.sides.map((s) => `${name(s)}: ${num(s.independentBefore)} and ${num(s.independentDuring)} req/s${share(s.independentDuring, s.independentBefore)}`).join('; ')}.`,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
