import { supermarketMeanTime, supermarketTail } from '../../../../simulations/theory/supermarket.ts';
import { ranPoints } from '../../charts/ran-points.ts';
import type { ChartModel, LineChartModel, LineSeries } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import { policies } from './supermarket-specs.ts';
import { isComplete, type PolicySweep, type SupermarketSideView, type SupermarketView } from './supermarket-view.ts';

/**
 * Per side: (a) mean time in system over the sweep with the formulas drawn
 * over it, (b) queue-length tails at the chosen utilization. A partial view
 * (a part of the plan) draws and quotes only the runs it has: the formulas
 * and axes are those of the whole sweep, so the chart fills in rather than
 * jumps, and the summaries name what is still running.
 */
export function supermarketCharts(view: SupermarketView): ChartModel[] {
  return view.sides.flatMap((s) => [meanTimeChart(s), tailsChart(s)]);
}

const styleOf = (c: PolicySweep['choices']) => policies.find((p) => p.choices === c)!;
/** The level the tail summary quotes: high enough for the doubly exponential fall to show, low enough to have been seen. */
const QUOTED_LEVEL = 3;
/**
 * The smallest fraction of backends drawn in (b). A time-averaged fraction
 * this small is a handful of moments on one backend in a run of the
 * widget's size, and the theory for d >= 2 goes on to 1e-100 and beyond,
 * which would squash the rest of the plot into a line.
 */
const TAIL_FLOOR = 1e-4;
const floored = (v: number) => (v >= TAIL_FLOOR ? v : null);

/** The formulas on a fine grid of utilizations up to the sweep's last point. */
function theoryCurve(d: number, upTo: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  for (let k = 0; k <= 100; k++) {
    const lambda = (upTo * k) / 100;
    if (lambda < 1) x.push(lambda);
  }
  return { x, y: x.map((lambda) => supermarketMeanTime(lambda, d)) };
}

/**
 * Time for one M/M/1 queue to forget an empty start, in service times: its
 * relaxation time 1/(1 − √λ)² (Morse 1955). Runs much shorter than this
 * measure a queue still filling up.
 */
function relaxationTime(lambda: number): number {
  return 1 / (1 - Math.sqrt(lambda)) ** 2;
}

/** For a partial view: how much of the sweep the chart shows so far. */
function sweepSoFar(s: SupermarketSideView): string {
  const all = s.policies.length * s.rates.length;
  const ran = s.policies.reduce((n, p) => n + p.meanTime.filter((v) => v !== null).length, 0);
  return ` Partial result: ${ran} of ${all} points of the sweep simulated so far; the others are still running.`;
}

function meanTimeChart(s: SupermarketSideView): LineChartModel {
  const k = s.rates.indexOf(s.utilization);
  const upTo = s.rates[s.rates.length - 1];
  const series: LineSeries[] = [];
  for (const p of s.policies) {
    const st = styleOf(p.choices);
    series.push({ key: `sim-${p.choices}`, label: st.label, color: st.color, points: true, ...ranPoints(s.rates, p.meanTime) });
  }
  for (const p of policies) {
    if (p.d === undefined) continue;
    const c = theoryCurve(p.d, upTo);
    series.push({ key: `theory-${p.choices}`, label: p.d === 1 ? '1 choice: 1/(1 − λ)' : `${p.label}: Mitzenmacher’s limit`, color: p.color, dash: 'dashed', x: c.x, y: c.y });
  }
  const at = s.policies.map((p) => {
    const label = styleOf(p.choices).label.toLowerCase();
    const mean = p.meanTime[k];
    const expected = p.expected[k];
    if (mean === null || expected === null) return `${label} still running`;
    return `${label} ${num(mean)} (${p.choices === 'all' ? 'limit 1' : `theory ${num(expected)}`})`;
  });
  const random = s.policies.find((p) => p.choices === '1')!;
  const runLength = (0.9 * s.requests) / (s.utilization * s.backends);
  const randomMean = random.meanTime[k];
  const randomExpected = random.expected[k];
  const short = randomMean !== null && randomExpected !== null && randomMean < 0.9 * randomExpected;
  return {
    kind: 'line',
    id: sideChartId('mean-time', s.label),
    title: `${sidePrefix(s.label)}(a) Mean time in system against utilization, ${count(s.backends)} backends`,
    x: { label: 'Utilization λ', domain: [0, 1] },
    // From 1, a request's own service time: join-the-shortest-queue sits just above it, and a point just below it is noise.
    y: { label: 'Mean time in system, log scale', unit: 'mean service times', scale: 'log', domain: [1, Math.max(10, ...series.flatMap((x) => x.y).filter((v): v is number => v !== null))] },
    series,
    markers: [{ x: s.utilization, label: `Chosen utilization ${num(s.utilization)}` }],
    summary:
      `${sidePrefix(s.label)}At utilization ${num(s.utilization)} with ${count(s.backends)} backends and ${count(s.requests)} requests per point, the mean time in system was: ${at.join('; ')}.` +
      (short
        ? ` One choice stays below 1/(1 − λ) here because the queues start empty: the measured part of the run lasts about ${num(runLength)} service times per backend, while one M/M/1 queue at this load needs about 1/(1 − √λ)² = ${num(relaxationTime(s.utilization))} to settle.`
        : '') +
      (isComplete(s) ? '' : sweepSoFar(s)),
  };
}

function tailsChart(s: SupermarketSideView): LineChartModel {
  const series: LineSeries[] = [];
  for (const p of s.policies) {
    const st = styleOf(p.choices);
    // A policy not run yet keeps its (empty) series, so the legend stays as it will be.
    series.push({ key: `sim-${p.choices}`, label: st.label, color: st.color, points: true, x: p.tails?.level ?? [], y: p.tails?.measured.map(floored) ?? [] });
  }
  // The same levels in every run: those of any run the view has (every part of the plan has one at the chosen utilization).
  const level = s.policies.find((p) => p.tails)?.tails?.level ?? [];
  for (const p of policies) {
    if (p.d === undefined) continue;
    series.push({ key: `theory-${p.choices}`, label: p.d === 1 ? '1 choice: λ^i' : `${p.label}: λ^((d^i − 1)/(d − 1))`, color: p.color, dash: 'dashed', x: level, y: level.map((i) => floored(supermarketTail(s.utilization, p.d, i))) });
  }
  const quoted = s.policies.map((p) => {
    const label = styleOf(p.choices).label.toLowerCase();
    if (!p.tails) return `${label} still running`;
    const i = p.tails.level.indexOf(QUOTED_LEVEL);
    const d = styleOf(p.choices).d;
    return `${label} ${percent(p.tails.measured[i] ?? 0)}${d === undefined ? '' : ` (theory ${percent(supermarketTail(s.utilization, d, QUOTED_LEVEL))})`}`;
  });
  return {
    kind: 'line',
    id: sideChartId('queue-tails', s.label),
    title: `${sidePrefix(s.label)}(b) Backends with at least i requests, at utilization ${num(s.utilization)}`,
    x: { label: 'i: requests queued or in service' },
    y: { label: 'Fraction of backends, log scale', scale: 'log', domain: [TAIL_FLOOR, 1] },
    series,
    summary:
      `${sidePrefix(s.label)}At utilization ${num(s.utilization)}, time-averaged after the warm-up, the share of backends holding at least ${QUOTED_LEVEL} requests was: ${quoted.join('; ')}. ` +
      'With one choice that share falls by a factor λ per request; with d choices the exponent itself multiplies by d at each step, so long queues all but vanish.',
  };
}
