import { chartsCsv, csvField } from './export/chart-csv.ts';
import type { ChartModel } from '../charts/chart-model.ts';
import type { FigureModel } from './figure-model.ts';

/** The shared long-form CSV of the charts, with the custom figures' rows after them under the same header. */
export function figuresCsv(figures: readonly FigureModel[]): string {
  const charts = figures.filter((f): f is ChartModel => f.kind !== 'custom');
  const custom = figures.flatMap((f) => (f.kind === 'custom' ? f.rows.map((r) => [f.id, r.series, r.x, r.y, '', r.xLabel, r.yLabel]) : []));
  return chartsCsv(charts) + custom.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
