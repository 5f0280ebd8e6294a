import { textWidth } from './text-metrics.ts';

export interface LegendPlacement {
  readonly x: number;
  readonly y: number;
}

export const LEGEND_ROW_HEIGHT = 18;
const SWATCH = 22;
const GAP = 14;

/**
 * Places legend items left to right, wrapping to a new row when the next one
 * would not fit: on a phone the legend grows downwards instead of running
 * off the side.
 */
export function layoutLegend(labels: readonly string[], width: number): { placements: LegendPlacement[]; height: number } {
  const placements: LegendPlacement[] = [];
  let x = 0;
  let row = 0;
  for (const label of labels) {
    const w = SWATCH + textWidth(label) + GAP;
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    placements.push({ x, y: row * LEGEND_ROW_HEIGHT });
    x += w;
  }
  return { placements, height: labels.length === 0 ? 0 : (row + 1) * LEGEND_ROW_HEIGHT };
}

export const LEGEND_SWATCH_WIDTH = SWATCH;
