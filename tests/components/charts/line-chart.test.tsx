import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LineChartModel } from '../../../src/components/charts/chart-model.ts';
import { LineChart } from '../../../src/components/charts/LineChart.tsx';

const model = (y: (number | null)[]): LineChartModel => ({
  kind: 'line',
  id: 'c',
  title: 'T',
  x: { label: 'x', domain: [0, 1] },
  y: { label: 'y', domain: [0, 5] },
  series: [{ key: 's', label: 'S', color: 1, x: y.map((_, i) => i / Math.max(1, y.length - 1)), y }],
  summary: 'S',
});
const dots = (y: (number | null)[]) => (renderToString(<LineChart model={model(y)} width={400} titleId="t" summaryId="s" />).match(/<circle/g) ?? []).length;

describe('LineChart', () => {
  it('draws a dot where a point has no defined neighbour (a line through it would draw nothing), and none on a line', () => {
    expect(dots([3])).toBe(1); // a sweep's first point, the rest still running
    expect(dots([1, 2, 3])).toBe(0);
    expect(dots([1, null, 3, null, 2, 4])).toBe(2); // 1 and 3 stand alone; 2-4 is a segment
  });
});
