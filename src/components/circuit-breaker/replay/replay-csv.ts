import { csvField } from '../../frame/export/chart-csv.ts';
import type { FigureModel } from '../../frame/figure-model.ts';
import { figuresCsv } from '../../frame/figures-csv.ts';
import type { ReplayView } from './replay-view.ts';

/**
 * The plotted series in the shared long-form CSV, followed by each breaker's
 * transitions (chart "transitions", x the time in s), so the state band and
 * the diagram's replay can be rebuilt from the file.
 */
export function replayCsv(view: ReplayView, figures: readonly FigureModel[]): string {
  const rows = view.runs.flatMap((r) =>
    r.transitions.map((tr) => ['transitions', `${r.label}: ${tr.event} (${tr.from} to ${tr.to})`, tr.t, '', '', 'Time (s)', '']),
  );
  return figuresCsv(figures) + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
