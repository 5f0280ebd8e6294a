import { describe, expect, it } from 'vitest';
import type { BarChartModel, LineChartModel } from '../../../../src/components/charts/chart-model.ts';
import { chartsCsv, csvField, CSV_HEADER } from '../../../../src/components/frame/export/chart-csv.ts';

const line: LineChartModel = {
  kind: 'line',
  id: 'traffic',
  title: 'T',
  x: { label: 'Time', unit: 's' },
  y: { label: 'Rate', unit: 'req/s' },
  series: [{ key: 'a', label: 'Attempts, with retries', color: 1, x: [0.5, 1.5], y: [10, null] }],
  summary: '',
};
const bar: BarChartModel = {
  kind: 'bar',
  id: 'totals',
  title: 'B',
  categories: [
    { key: 'full', label: 'Full jitter' },
    { key: 'none', label: 'No "backoff"' },
  ],
  value: { label: 'Writes' },
  series: [{ key: 'w', label: 'Writes', color: 6, values: [333, 685], errors: [2, 5] }],
  summary: '',
};

describe('chartsCsv', () => {
  it('writes one row per plotted value under one header, gaps as empty fields, RFC 4180 quoting', () => {
    const lines = chartsCsv([line, bar]).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.slice(1, -1)).toEqual([
      'traffic,"Attempts, with retries",0.5,10,,Time (s),Rate (req/s)',
      'traffic,"Attempts, with retries",1.5,,,Time (s),Rate (req/s)',
      'totals,Writes,Full jitter,333,2,,Writes',
      'totals,Writes,"No ""backoff""",685,5,,Writes',
    ]);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('quotes only what needs quoting', () => {
    expect([csvField('plain'), csvField(1.5), csvField('a,b'), csvField('x\ny')]).toEqual(['plain', '1.5', '"a,b"', '"x\ny"']);
  });
});
