import type { Dash, SeriesColor } from './chart-model.ts';

/** Series colours are CSS variables (src/styles/widgets.css), so a theme switch recolours the plot without a re-render. */
export function seriesColor(c: SeriesColor): string {
  return `var(--rl-series-${c})`;
}

export function dashArray(d: Dash | undefined): string | undefined {
  switch (d) {
    case 'dashed':
      return '7 4';
    case 'dotted':
      return '2 3';
    case 'dashdot':
      return '8 3 2 3';
    default:
      return undefined;
  }
}
