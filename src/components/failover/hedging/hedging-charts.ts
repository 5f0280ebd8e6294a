import type { ChartModel, LineChartModel, XMarker } from '../../charts/chart-model.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { SWEEP_DELAYS_MS } from './hedging-plan.ts';
import type { HedgingSideView, HedgingView } from './hedging-view.ts';

/** Per side: the latency tail with and without hedging, then what each fixed hedge delay buys (p99, p99.9) and costs (extra attempts). */
export function hedgingCharts(view: HedgingView): ChartModel[] {
  return view.sides.flatMap((s) => [tailChart(s), sweepLatencyChart(s), sweepLoadChart(s)]);
}

const ms = (x: number) => `${num(x)} ms`;

/** The side's policy in words: "hedge after 50 ms, up to 2 attempts", "hedge at the 95th percentile of recent latencies". */
export function policy(s: HedgingSideView): string {
  const v = s.values;
  if (v.hedgePercentile <= 0 && v.hedgeDelay <= 0) return 'no hedging';
  const when = v.hedgePercentile > 0 ? `hedge at the ${num(v.hedgePercentile)}th percentile of recent latencies` : `hedge after ${ms(v.hedgeDelay)}`;
  const budget = v.budget === 'none' ? '' : v.budget === 'ratio' ? ', at most 10% extra' : ', gRPC retry throttle';
  return `${when}, up to ${v.maxAttempts} attempts${budget}`;
}

function hedging(s: HedgingSideView): boolean {
  return s.values.hedgePercentile > 0 || s.values.hedgeDelay > 0;
}

/** Where the side's delay sits on the sweep's axis: the fixed delay, or the one a percentile had learnt by the end. */
function delayMarker(s: HedgingSideView): XMarker[] {
  if (!hedging(s) || s.hedged.finalHedgeDelay <= 0) return [];
  const learnt = s.values.hedgePercentile > 0;
  return [
    { x: s.hedged.finalHedgeDelay, label: learnt ? `Learnt delay at the end: ${ms(s.hedged.finalHedgeDelay)}` : `This delay: ${ms(s.hedged.finalHedgeDelay)}` },
  ];
}

/**
 * The share of requests slower than each latency, as the step function it
 * is: from the quantiles (ms at level p), the share stays at 1 − p from one
 * latency to the next and drops there. Points at 0% are left out: the axis
 * is logarithmic, to show the tail.
 */
export function tailPoints(q: readonly { p: number; ms: number }[]): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  const levels = [...q].filter((d) => d.ms > 0).sort((a, b) => a.ms - b.ms || a.p - b.p);
  let slower = 100;
  for (let i = 0; i < levels.length; i++) {
    const { ms } = levels[i];
    // The last level at this latency: everything up to it is done by then.
    while (i + 1 < levels.length && levels[i + 1].ms === ms) i++;
    x.push(ms);
    y.push(slower);
    slower = (1 - levels[i].p) * 100;
    if (slower <= 0) break;
    x.push(ms);
    y.push(slower);
  }
  return { x, y };
}

function tailChart(s: HedgingSideView): LineChartModel {
  const u = s.unhedged;
  const h = s.hedged;
  const without = tailPoints(s.unhedgedQuantiles);
  const withH = tailPoints(s.hedgedQuantiles);
  const series: LineChartModel['series'] = hedging(s)
    ? [
        { key: 'unhedged', label: 'Without hedging', color: 5, dash: 'dashed', x: without.x, y: without.y },
        { key: 'hedged', label: 'With hedging', color: 1, x: withH.x, y: withH.y },
      ]
    : [{ key: 'unhedged', label: 'Without hedging', color: 5, dash: 'dashed', x: without.x, y: without.y }];
  const tail = hedging(s)
    ? `With hedging (${policy(s)}): p50 ${ms(h.p50)}, p99 ${ms(h.p99)}, p99.9 ${ms(h.p999)}, for ${percent(h.extraLoad)} more attempts` +
      `. Without: p50 ${ms(u.p50)}, p99 ${ms(u.p99)}, p99.9 ${ms(u.p999)}.`
    : `Without hedging: p50 ${ms(u.p50)}, p99 ${ms(u.p99)}, p99.9 ${ms(u.p999)}.`;
  const server =
    s.values.workers > 0
      ? ` The server has ${s.values.workers} workers at ${count(s.values.rate)} requests a second: each request kept them busy ${ms(h.serverBusyMsPerRequest)} with hedging, ${ms(u.serverBusyMsPerRequest)} without.`
      : '';
  return {
    kind: 'line',
    id: sideChartId('hedging-tail', s.label),
    title: `${sidePrefix(s.label)}Requests slower than a given latency: ${policy(s)}`,
    x: { label: 'Latency', unit: 'ms', scale: 'log' },
    y: { label: 'Requests slower than that', unit: '%', scale: 'log', domain: [0.01, 100] },
    series,
    summary: `${sidePrefix(s.label)}${tail}${server}`,
  };
}

/** The sweep's whole range of delays: the axis stays put while its runs come back. */
const sweepDomain: [number, number] = [SWEEP_DELAYS_MS[0], SWEEP_DELAYS_MS[SWEEP_DELAYS_MS.length - 1]];

/** "" for the whole sweep; for a part of it, how much of it is in (a preview's view). */
function sweepSoFar(s: HedgingSideView): string {
  return s.sweep.length < SWEEP_DELAYS_MS.length ? `so far ${s.sweep.length} of ${SWEEP_DELAYS_MS.length} delays, the rest still running: ` : '';
}

function sweepLatencyChart(s: HedgingSideView): LineChartModel {
  const x = s.sweep.map((d) => d.delayMs);
  // The fairest one-line verdict: the best tail among delays that add at most 10% attempts.
  const affordable = s.sweep.filter((d) => d.extraLoad <= 0.1);
  const best = affordable.length > 0 ? affordable.reduce((a, b) => (b.p99 < a.p99 ? b : a)) : undefined;
  const soFar = sweepSoFar(s);
  const verdict =
    s.sweep.length === 0
      ? `still running (without hedging, p99 was ${ms(s.unhedged.p99)}).`
      : soFar +
        (best
          ? `the lowest p99 for at most 10% extra attempts was ${ms(best.p99)}, with a delay of ${ms(best.delayMs)} (without hedging: ${ms(s.unhedged.p99)}). `
          : `every delay added more than 10% attempts (without hedging, p99 was ${ms(s.unhedged.p99)}). `) +
        s.sweep.map((d) => `${ms(d.delayMs)}: p99 ${ms(d.p99)}, p99.9 ${ms(d.p999)}`).join('; ') +
        '.';
  return {
    kind: 'line',
    id: sideChartId('hedging-delay-latency', s.label),
    title: `${sidePrefix(s.label)}Tail latency over the hedge delay`,
    x: { label: 'Hedge delay', unit: 'ms', scale: 'log', domain: sweepDomain },
    y: { label: 'Latency', unit: 'ms', scale: 'log' },
    series: [
      { key: 'p99', label: 'p99, hedged', color: 1, points: true, x, y: s.sweep.map((d) => d.p99) },
      { key: 'p999', label: 'p99.9, hedged', color: 6, dash: 'dashdot', points: true, x, y: s.sweep.map((d) => d.p999) },
      { key: 'p99-unhedged', label: 'p99 without hedging', color: 5, dash: 'dashed', x: sweepDomain, y: [s.unhedged.p99, s.unhedged.p99] },
    ],
    markers: delayMarker(s),
    summary: `${sidePrefix(s.label)}Hedging after a fixed delay from ${ms(sweepDomain[0])} to ${ms(sweepDomain[1])}, up to ${s.values.maxAttempts} attempts: ${verdict}`,
  };
}

function sweepLoadChart(s: HedgingSideView): LineChartModel {
  const x = s.sweep.map((d) => d.delayMs);
  return {
    kind: 'line',
    id: sideChartId('hedging-delay-load', s.label),
    title: `${sidePrefix(s.label)}Extra attempts over the hedge delay`,
    x: { label: 'Hedge delay', unit: 'ms', scale: 'log', domain: sweepDomain },
    y: { label: 'Attempts beyond one per request', unit: '%', domain: [0, Math.max(10, (s.values.maxAttempts - 1) * 100)] },
    series: [{ key: 'extra', label: 'Extra attempts', color: 3, points: true, x, y: s.sweep.map((d) => d.extraLoad * 100) }],
    markers: delayMarker(s),
    summary:
      `${sidePrefix(s.label)}The share of extra attempts is about the share of requests still unanswered at the delay: ` +
      (s.sweep.length === 0
        ? 'the sweep over fixed delays is still running.'
        : sweepSoFar(s) + s.sweep.map((d) => `${percent(d.extraLoad)} at ${ms(d.delayMs)}`).join(', ') + '.'),
  };
}
