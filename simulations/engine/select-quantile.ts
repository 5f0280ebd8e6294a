import { quickselect } from 'd3-array';

/**
 * The p-quantile of `values` (linear interpolation between order statistics,
 * R-7, as d3-array's `quantile`), found by quickselect in O(n) rather than by
 * sorting a million values. Reorders `values` in place. NaN when empty.
 */
export function selectQuantile(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const i = Math.floor(h);
  quickselect(values, i);
  const below = values[i];
  if (h === i) return below;
  // After the selection every value right of i is >= values[i]; the next order statistic is their minimum.
  let above = Infinity;
  for (let j = i + 1; j < n; j++) if (values[j] < above) above = values[j];
  return below + (h - i) * (above - below);
}
