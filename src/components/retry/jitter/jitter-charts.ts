import type { BarChartModel, ChartModel, LineChartModel, SeriesColor } from '../../charts/chart-model.ts';
import { count, num } from '../../stats/format-number.ts';
import { strategies } from './jitter-specs.ts';
import type { JitterSideView, JitterView, StrategyOutcome } from './jitter-view.ts';

const labelOf = (key: string) => strategies.find((s) => s.key === key)!.label;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Lines of writes over time (one chart per side), then the totals as bars (A and B side by side in compare mode). */
export function jitterCharts(view: JitterView): ChartModel[] {
  return [...view.sides.map((side) => curvesChart(view.seed, side, view.sides.length > 1)), totalsChart(view, 'calls'), totalsChart(view, 'completion')];
}

function curvesChart(seed: number, side: JitterSideView, compare: boolean): LineChartModel {
  const prefix = compare ? `${side.label}: ` : '';
  const byEnd = [...side.strategies].sort((a, b) => a.firstCompletion - b.firstCompletion);
  const first = byEnd[0];
  const last = byEnd[byEnd.length - 1];
  return {
    kind: 'line',
    id: compare && side.label === 'B' ? 'writes-over-time-b' : 'writes-over-time',
    title: `${prefix}Writes received so far, ${side.clients} clients (seed ${seed})`,
    x: { label: 'Time since start, log scale', unit: 's', scale: 'log' },
    y: { label: 'Writes received' },
    series: side.strategies.map((s) => {
      const st = strategies.find((x) => x.key === s.key)!;
      return { key: s.key, label: st.label, color: st.color as SeriesColor, dash: st.dash, x: s.curve.t, y: s.curve.calls };
    }),
    summary:
      `${prefix}On seed ${seed}, ${lower(labelOf(first.key))} finished first: all ${side.clients} clients had written after ${num(first.firstCompletion)} s and ${count(first.firstCalls)} writes. ` +
      `${labelOf(last.key)} finished last, after ${num(last.firstCompletion)} s and ${count(last.firstCalls)} writes.`,
  };
}

function totalsChart(view: JitterView, what: 'calls' | 'completion'): BarChartModel {
  const compare = view.sides.length > 1;
  const runs = view.sides.map((s) => s.runs);
  const sameRuns = runs.every((r) => r === runs[0]);
  const averaged = runs.some((r) => r > 1);
  const pick = (o: StrategyOutcome) => (what === 'calls' ? o.calls : o.completion);
  const fmt = (v: number) => (what === 'calls' ? count(v) : num(v));
  const sentences = view.sides.map((side) => {
    const ranked = [...side.strategies].sort((a, b) => pick(a).mean - pick(b).mean);
    const best = ranked[0];
    const worst = ranked[ranked.length - 1];
    const pm = (o: StrategyOutcome) => (side.runs > 1 ? ` ± ${fmt(pick(o).error)}` : '');
    const prefix = compare ? `${side.label}: ` : '';
    const over = side.runs > 1 ? `mean over ${side.runs} runs` : 'one run';
    return what === 'calls'
      ? `${prefix}${labelOf(best.key)} needed the fewest writes (${fmt(pick(best).mean)}${pm(best)}, ${over}), ${lower(labelOf(worst.key))} the most (${fmt(pick(worst).mean)}${pm(worst)}).`
      : `${prefix}${labelOf(best.key)} finished soonest (${fmt(pick(best).mean)}${pm(best)} s, ${over}), ${lower(labelOf(worst.key))} last (${fmt(pick(worst).mean)}${pm(worst)} s).`;
  });
  return {
    kind: 'bar',
    id: what === 'calls' ? 'total-writes' : 'completion-time',
    title: what === 'calls' ? 'Writes the server received, per strategy' : 'Time until every client had written, per strategy',
    categories: strategies.map((s) => ({ key: s.key, label: s.label })),
    value: what === 'calls' ? { label: 'Mean writes received' } : { label: 'Mean completion time', unit: 's' },
    series: view.sides.map((side, i) => ({
      key: side.label || 'value',
      label: compare ? side.label : what === 'calls' ? 'Writes' : 'Completion time',
      color: (i === 0 ? 6 : 7) as SeriesColor,
      values: side.strategies.map((o) => pick(o).mean),
      errors: side.runs > 1 ? side.strategies.map((o) => pick(o).error) : undefined,
    })),
    errorLabel: averaged ? (sameRuns ? `±1 standard error over ${runs[0]} runs` : '±1 standard error') : undefined,
    summary: sentences.join(' '),
  };
}
