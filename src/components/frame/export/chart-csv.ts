import { axisTitle, type ChartModel } from '../../charts/chart-model.ts';

/**
 * The plotted data of a widget's charts as one CSV, in long form: one row
 * per plotted value, naming its chart and series. Long form holds charts of
 * different shapes (time series, sweeps, bars) in one table that any
 * spreadsheet or dataframe can pivot.
 */
export const CSV_HEADER = ['chart', 'series', 'x', 'y', 'y_error', 'x_label', 'y_label'] as const;

export function chartsCsv(charts: readonly ChartModel[]): string {
  const rows: (string | number)[][] = [[...CSV_HEADER]];
  for (const c of charts) {
    if (c.kind === 'line') {
      for (const s of c.series) {
        s.x.forEach((x, i) => {
          const y = s.y[i];
          rows.push([c.id, s.label, x, y === null || !Number.isFinite(y) ? '' : y, '', axisTitle(c.x), axisTitle(c.y)]);
        });
      }
    } else {
      for (const s of c.series) {
        c.categories.forEach((cat, i) => {
          rows.push([c.id, s.label, cat.label, s.values[i], s.errors?.[i] ?? '', '', axisTitle(c.value)]);
        });
      }
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
