import type { BarChartModel, ChartModel, LineChartModel } from '../../charts/chart-model.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import type { AvailabilitySideView, AvailabilityView } from './availability-view.ts';

/** Per side: downtime a year for the chosen topology (theory and simulation), over the number of replicas, and year by year. */
export function availabilityCharts(view: AvailabilityView): ChartModel[] {
  return view.sides.flatMap((s) => [downtimeBars(s), byReplicasChart(s), byYearChart(s)]);
}

/** The lowest downtime the replica chart draws, minutes a year (6 ms). */
const DOWNTIME_FLOOR_MIN = 1e-4;

/** Minutes a year, readable at any size: "12 ms", "31.5 s", "52.6 min", "8.77 h", "3.65 days". */
export function downtimeText(minutes: number): string {
  if (minutes >= 2 * 24 * 60) return `${num(minutes / (24 * 60))} days`;
  if (minutes >= 120) return `${num(minutes / 60)} h`;
  if (minutes >= 1) return `${num(minutes)} min`;
  const seconds = minutes * 60;
  if (seconds >= 1) return `${num(seconds)} s`;
  if (seconds === 0) return '0 s';
  return seconds >= 1e-5 ? `${num(seconds * 1000)} ms` : 'less than 0.01 ms';
}

/** Availability as nines where it has them: "99.9%", "99.99981%". */
function availabilityText(a: number): string {
  if (a >= 1) return '100%';
  // One digit past the last whole nine: 99.90%, 99.9996%. The epsilon keeps exactly 0.999 at three nines despite rounding.
  const nines = Math.floor(-Math.log10(1 - a) + 1e-9);
  return `${(a * 100).toFixed(Math.min(8, Math.max(0, nines - 1)))}%`;
}

export function topologyText(s: AvailabilitySideView): string {
  const v = s.values;
  const parts = `${v.replicas} ${v.replicas === 1 ? 'replica' : 'replicas'} (MTBF ${count(v.mtbf)} h, MTTR ${count(v.mttr)} min)`;
  return v.topology === 'parallel' ? `${parts} in parallel, ${num(v.failoverMs / 1000)} s per failover` : `${parts} in series`;
}

function downtimeBars(s: AvailabilitySideView): BarChartModel {
  const m = s.summary;
  const parallel = s.values.topology === 'parallel';
  const categories = [
    { key: 'no-gap', label: parallel ? 'Theory, no failover gap' : 'Theory: A to the power n' },
    ...(parallel ? [{ key: 'theory', label: 'Theory with the gap' }] : []),
    { key: 'simulated', label: `Simulated, ${num(m.horizonYears)} years` },
  ];
  const values = [s.noGapMinutes, ...(parallel ? [m.theoryDowntimeMinutesPerYear] : []), m.downtimeMinutesPerYear];
  return {
    kind: 'bar',
    id: sideChartId('availability-downtime', s.label),
    title: `${sidePrefix(s.label)}Downtime a year: ${topologyText(s)}`,
    categories,
    value: { label: 'Downtime a year', unit: 'min' },
    series: [{ key: 'downtime', label: 'Minutes down a year', color: 2, values }],
    summary:
      `${sidePrefix(s.label)}Each replica is up ${availabilityText(m.replicaAvailability)} of the time. ` +
      (parallel
        ? `With independent replicas and no gap the system would be down ${downtimeText(s.noGapMinutes)} a year; counting ${num(s.values.failoverMs / 1000)} s per failover, theory says ${downtimeText(m.theoryDowntimeMinutesPerYear)} (${availabilityText(m.theory)}). `
        : `In series every part is needed: theory says ${downtimeText(m.theoryDowntimeMinutesPerYear)} a year (${availabilityText(m.theory)}). `) +
      `Simulated over ${num(m.horizonYears)} years: ${downtimeText(m.downtimeMinutesPerYear)} a year (${availabilityText(m.availability)}), from ${count(m.failures)} replica failures, ${count(m.outages)} outages` +
      (parallel ? ` and ${count(m.failovers)} failovers` : '') +
      '.',
  };
}

function byReplicasChart(s: AvailabilitySideView): LineChartModel {
  const x = s.byReplicas.map((p) => p.replicas);
  // Below about 6 ms a year the formulas' numbers mean nothing any more (and a log axis would run for ever): stop the lines there.
  const shown = (v: number) => (v >= DOWNTIME_FLOOR_MIN ? v : null);
  const top = Math.max(...s.byReplicas.flatMap((p) => [p.theory, p.simulated, p.noGap]));
  const parallel = s.values.topology === 'parallel';
  const last = s.byReplicas[s.byReplicas.length - 1];
  const second = s.byReplicas.find((p) => p.replicas === 2);
  return {
    kind: 'line',
    id: sideChartId('availability-by-replicas', s.label),
    title: `${sidePrefix(s.label)}Downtime a year over the number of replicas`,
    x: { label: 'Replicas', domain: [x[0], x[x.length - 1]] },
    y: { label: 'Downtime a year', unit: 'min', scale: 'log', domain: [DOWNTIME_FLOOR_MIN, Math.max(1, top * 2)] },
    series: [
      ...(parallel
        ? [{ key: 'no-gap', label: 'Theory, no failover gap', color: 8 as const, dash: 'dashed' as const, x, y: s.byReplicas.map((p) => shown(p.noGap)) }]
        : []),
      { key: 'theory', label: parallel ? 'Theory with the gap' : 'Theory', color: 2, x, y: s.byReplicas.map((p) => shown(p.theory)) },
      { key: 'simulated', label: 'Simulated', color: 6, points: true, dash: 'dotted', x, y: s.byReplicas.map((p) => shown(p.simulated)) },
    ],
    markers: [{ x: s.values.replicas, label: `Chosen: ${s.values.replicas}` }],
    summary: parallel
      ? `${sidePrefix(s.label)}One replica is down ${downtimeText(s.byReplicas[0].theory)} a year. ` +
        (second ? `Two are down ${downtimeText(second.theory)} (simulated ${downtimeText(second.simulated)}), ` : '') +
        `${last.replicas} are down ${downtimeText(last.theory)} (simulated ${downtimeText(last.simulated)}). ` +
        `Without a failover gap ${last.replicas} replicas would be down ${downtimeText(last.noGap)}: past two or three replicas the gap, paid at every failure of the active one, is nearly all the downtime that is left.`
      : `${sidePrefix(s.label)}In series every part added is one more that can fail: ${s.byReplicas.map((p) => `${p.replicas}: ${downtimeText(p.theory)}`).join(', ')} a year in theory.`,
  };
}

function byYearChart(s: AvailabilitySideView): LineChartModel {
  const years = s.downtimeByYear;
  const x = years.map((_, i) => i + 1);
  const zero = years.filter((m) => m === 0).length;
  const sorted = [...years].sort((a, b) => a - b);
  const worst = sorted[sorted.length - 1] ?? 0;
  const median = sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
  const mean = s.summary.downtimeMinutesPerYear;
  return {
    kind: 'line',
    id: sideChartId('availability-by-year', s.label),
    title: `${sidePrefix(s.label)}Simulated downtime in each year`,
    x: { label: 'Year', domain: [1, Math.max(2, x.length)] },
    y: { label: 'Downtime that year', unit: 'min' },
    series: [
      { key: 'year', label: 'Downtime that year', color: 1, points: x.length <= 100, x, y: years },
      { key: 'mean', label: `Mean over all years: ${downtimeText(mean)}`, color: 5, dash: 'dashed', x: [1, Math.max(2, x.length)], y: [mean, mean] },
    ],
    summary:
      `${sidePrefix(s.label)}Over ${count(years.length)} simulated years the downtime averaged ${downtimeText(mean)} a year, but no year is average: ` +
      `the median year had ${downtimeText(median)}, the worst ${downtimeText(worst)}` +
      (zero > 0 ? `, and ${count(zero)} years (${percent(zero / Math.max(1, years.length))}) had none at all` : '') +
      '.',
  };
}
