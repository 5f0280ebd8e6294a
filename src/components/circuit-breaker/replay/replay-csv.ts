import type { ChartModel } from '../../charts/chart-model.ts';
import { chartsCsv, csvField } from '../../export/chart-csv.ts';
import type { ReplayView } from './replay-view.ts';

/**
 * The plotted series in the shared long-form CSV, followed by each breaker's
 * transitions (chart "transitions", x the time in s), so the state band and
 * the diagram's replay can be rebuilt from the file.
 */
export function replayCsv(charts: readonly ChartModel[], view: ReplayView): string {
  const rows = view.runs.flatMap((r) => r.transitions.map((tr) => ['transitions', `${r.label}: ${tr.event} (${tr.from} to ${tr.to})`, tr.t, '', '', 'Time (s)', '']));
  return chartsCsv(charts) + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
