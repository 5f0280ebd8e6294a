/**
 * The points a sweep runs at: its grid plus the reader's chosen value, once
 * each, in order, so the chosen point is always on the curve (and its run is
 * shared with the chart that shows the chosen value alone).
 */
export function gridWith(grid: readonly number[], chosen: number): number[] {
  return [...new Set([...grid, chosen])].sort((a, b) => a - b);
}

/** Every `step`-th point of a grid from `offset` on: a coarse first pass of a sweep that a preview can show while the rest runs. */
export function everyNth<T>(grid: readonly T[], step: number, offset = 0): T[] {
  return grid.filter((_, i) => i % step === offset);
}
