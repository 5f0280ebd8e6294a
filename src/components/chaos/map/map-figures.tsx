import type { LineChartModel } from '../../charts/chart-model.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { CustomFigureModel, FigureModel } from '../../frame/figure-model.ts';
import { num } from '../../stats/format-number.ts';
import { MapGrid } from './MapGrid.tsx';
import type { MapSideView, MapView } from './map-view.ts';

/** Per side the map of triggers; then, A and B together, the boundary between the triggers absorbed and those sustained. */
export function mapFigures(view: MapView): FigureModel[] {
  return [...view.sides.map(mapGrid), boundaryChart(view)];
}

function boundaryWords(s: MapSideView): string {
  const parts = s.spikeDurations.map((d, j) => {
    const b = s.boundary[j];
    if (b === 'pending') return `${num(d)} s: not known yet`;
    return b === null ? `${num(d)} s: every size` : `${num(d)} s: up to ${num(largestAbsorbed(s, j) ?? 0)} req/s`;
  });
  return parts.join('; ');
}

/**
 * The largest trigger below the boundary for trigger length j; undefined
 * when even the smallest one collapsed it, or while the boundary is not
 * known (its cells still pending).
 */
function largestAbsorbed(s: MapSideView, j: number): number | undefined {
  const b = s.boundary[j];
  if (b === 'pending') return undefined;
  const absorbed = s.spikeRates.filter((r) => b === null || r < b);
  return absorbed.length > 0 ? absorbed[absorbed.length - 1] : undefined;
}

/** How many spikes the side recovered from, in words: of all of them, or of those computed so far. */
function outcomeWords(s: MapSideView): string {
  const collapsed = s.computedCells - s.recoveredCells;
  if (s.computedCells === s.cellCount)
    return `the service recovered from ${num(s.recoveredCells)} of ${num(s.cellCount)} spikes and stayed collapsed after the other ${num(collapsed)}`;
  return (
    `${num(s.computedCells)} of ${num(s.cellCount)} cells computed so far (the other ${num(s.cellCount - s.computedCells)} are still running): ` +
    `the service recovered from ${num(s.recoveredCells)} of those spikes and stayed collapsed after ${num(collapsed)}`
  );
}

function mapGrid(s: MapSideView): CustomFigureModel {
  const id = sideChartId('metastability-map', s.label);
  const title = `${sidePrefix(s.label)}Which spikes it survives, with ${s.defences}`;
  return {
    kind: 'custom',
    id,
    title,
    summary:
      `${sidePrefix(s.label)}With a base load of ${num(s.baseRate)} req/s and ${s.defences}, ${outcomeWords(s)}. ` +
      `Spikes it absorbed, by length: ${boundaryWords(s)}. Each ${s.computedCells === s.cellCount ? '' : 'computed '}cell links to the retry-storm widget set to that spike.`,
    draw: (p) => <MapGrid {...p} side={s} title={title} chartId={id} />,
    // Computed cells only: a pending cell has no outcome to export.
    rows: s.cells.flatMap((row) =>
      row.flatMap((c) =>
        c.computed
          ? [
              {
                series: `${sidePrefix(s.label)}recovered (1) or collapsed (0), spike of ${num(c.spikeRate)} req/s`,
                x: c.spikeDuration,
                y: c.recovered ? 1 : 0,
                xLabel: 'Trigger length (s)',
                yLabel: 'Recovered',
              },
            ]
          : [],
      ),
    ),
  };
}

function boundaryChart(view: MapView): LineChartModel {
  const first = view.sides[0];
  const top = Math.max(...view.sides.flatMap((s) => s.spikeRates));
  return {
    kind: 'line',
    id: 'boundary',
    title: 'The largest spike absorbed, by spike length',
    x: { label: 'Trigger length', unit: 's', domain: [0, Math.max(...first.spikeDurations)] },
    y: { label: 'Largest spike it recovered from', unit: 'req/s', domain: [0, top] },
    series: view.sides.map((s, i) => ({
      key: s.label || 'boundary',
      label: s.label ? `Side ${s.label}` : 'Largest absorbed',
      color: i === 0 ? 5 : 4,
      dash: i === 0 ? 'solid' : 'dashed',
      points: true,
      x: s.spikeDurations,
      // Below the smallest size tried when even that one collapsed it: drawn as 0. A gap while it is not known yet.
      y: s.spikeDurations.map((_, j) => (s.boundary[j] === 'pending' ? null : (largestAbsorbed(s, j) ?? 0))),
    })),
    summary: view.sides.map((s) => `${sidePrefix(s.label)}With ${s.defences}: ${boundaryWords(s)}.`).join(' '),
  };
}
