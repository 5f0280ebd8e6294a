import { max } from 'd3-array';
import type { ChartModel, LineChartModel } from '../../charts/chart-model.ts';
import { count, num } from '../../stats/format-number.ts';
import type { StormSideView, StormView } from './storm-view.ts';

/**
 * Per side, the traffic (offered, attempts, goodput) with the spike shaded;
 * then the service's queue, both sides in one chart. In compare mode both
 * traffic charts share one y range, so the eye compares heights fairly.
 */
export function stormCharts(view: StormView): ChartModel[] {
  const compare = view.sides.length > 1;
  const yMax = max(view.sides.flatMap((s) => [...s.attempts, ...s.offered, ...s.goodput])) ?? 1;
  return [...view.sides.map((s) => trafficChart(s, compare, yMax)), queueChart(view)];
}

function trafficChart(s: StormSideView, compare: boolean, yMax: number): LineChartModel {
  const prefix = compare ? `${s.label}: ` : '';
  return {
    kind: 'line',
    id: compare && s.label === 'B' ? 'traffic-b' : 'traffic',
    title: `${prefix}Load and goodput (${s.protection})`,
    x: { label: 'Time', unit: 's', domain: [0, s.durationS] },
    y: { label: 'Rate', unit: 'req/s', domain: [0, yMax] },
    series: [
      { key: 'offered', label: 'Offered (new requests)', color: 8, dash: 'dashed', x: s.t, y: s.offered },
      { key: 'attempts', label: 'Attempts (with retries)', color: 1, x: s.t, y: s.attempts },
      { key: 'goodput', label: 'Goodput (succeeded)', color: 4, area: true, x: s.t, y: s.goodput },
    ],
    shaded: [{ start: s.spike.start, end: s.spike.end, label: 'Load spike' }],
    summary:
      s.previewS === null
        ? trafficSummary(s, prefix)
        : `${prefix}Preview with ${s.protection}: the first ${num(s.previewS)} s of the ${num(s.durationS)} s run. Goodput, whether it recovers and attempts per request follow with the whole run.`,
  };
}

/** The whole run in words: goodput before, during and after the spike, and whether it recovered. */
function trafficSummary(s: StormSideView, prefix: string): string {
  const verdict = s.recovered
    ? `It recovered: goodput was back to ${num(s.goodputAfter)} req/s over the last ${num(s.after.end - s.after.start)} s of the run.`
    : `It did not recover: over the last ${num(s.after.end - s.after.start)} s of the run, long after the spike ended at ${num(s.spike.end)} s, goodput was ${num(s.goodputAfter)} req/s while clients still sent ${num(s.attemptsAfter)} attempts/s.`;
  return (
    `${prefix}With ${s.protection}: goodput ${num(s.goodputBefore)} req/s before the spike, ${num(s.goodputDuring)} during it, ${num(s.goodputAfter)} at the end. ` +
    `${verdict} Attempts per request over the whole run: ${num(s.amplification)}.`
  );
}

function queueChart(view: StormView): LineChartModel {
  const compare = view.sides.length > 1;
  const first = view.sides[0];
  const sentences = view.sides.map((s) => {
    const peak = max(s.queue) ?? 0;
    const end = s.queue[s.queue.length - 1] ?? 0;
    const who = compare ? `${s.label}: ` : 'The queue ';
    if (s.previewS !== null) return `${who}peaked at ${count(peak)} waiting in the first ${num(s.previewS)} s (a preview: the whole run follows).`;
    return `${who}peaked at ${count(peak)} waiting and ended the run at ${count(end)}.`;
  });
  return {
    kind: 'line',
    id: 'queue',
    title: 'Requests waiting in the service’s queue',
    x: { label: 'Time', unit: 's', domain: [0, max(view.sides, (s) => s.durationS) ?? 1] },
    y: { label: 'Queue length, mean over each second', unit: 'requests' },
    series: view.sides.map((s, i) => ({
      key: s.label || 'queue',
      label: compare ? `${s.label}: ${s.protection}` : 'Waiting',
      color: i === 0 ? 2 : 5,
      dash: i === 0 ? 'solid' : 'dashed',
      x: s.t,
      y: s.queue,
    })),
    shaded: [{ start: first.spike.start, end: first.spike.end, label: 'Load spike' }],
    summary: sentences.join(' '),
  };
}
