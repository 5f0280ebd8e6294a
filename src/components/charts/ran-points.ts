/**
 * The points of a sweep that have been run, for a line series: a partial
 * view (a part of a widget's plan) has null where a run is still pending,
 * and its line joins the points it has, so a coarse first pass of a sweep
 * draws as a coarse line that fills in, never as a value not run.
 */
export function ranPoints(x: readonly number[], y: readonly (number | null)[]): { x: number[]; y: number[] } {
  const out = { x: [] as number[], y: [] as number[] };
  y.forEach((v, i) => {
    if (v === null) return;
    out.x.push(x[i]);
    out.y.push(v);
  });
  return out;
}
