/** A cell of an n × n map: [row, column]. */
export type CellIndex = readonly [number, number];

/**
 * How coarse a grid line is, per index 0..n-1: 0 for the two ends, 1 for
 * the middle, 2 for the middles of the two halves, and so on, bisecting.
 */
function lineLevels(n: number): number[] {
  const level = Array.from({ length: n }, () => 0);
  let spans: [number, number][] = [[0, n - 1]];
  for (let l = 1; spans.length > 0; l++) {
    const next: [number, number][] = [];
    for (const [a, b] of spans) {
      if (b - a < 2) continue;
      const mid = Math.floor((a + b) / 2);
      level[mid] = l;
      next.push([a, mid], [mid, b]);
    }
    spans = next;
  }
  return level;
}

/**
 * Every cell of an n × n map, coarse to fine: the four corners, the two
 * where the outcome is least obvious first (the largest trigger at its
 * shortest, the smallest at its longest); then the cells of the 3 × 3 grid
 * of ends and middles; then those of the next bisection, and so on, each
 * level row by row. Any first k cells are spread over the whole map, so a
 * map drawn from them shows its shape early.
 */
export function coarseToFine(n: number): CellIndex[] {
  const level = lineLevels(n);
  const last = n - 1;
  const corners: CellIndex[] = n === 1 ? [[0, 0]] : [[last, 0], [0, last], [0, 0], [last, last]];
  const isCorner = (i: number, j: number) => (i === 0 || i === last) && (j === 0 || j === last);
  const rest: CellIndex[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!isCorner(i, j)) rest.push([i, j]);
  rest.sort((a, b) => Math.max(level[a[0]], level[a[1]]) - Math.max(level[b[0]], level[b[1]]));
  return [...corners, ...rest];
}
