/**
 * Charts as data. A widget turns its results into these models; the same
 * model is drawn as SVG, summarised in words and exported as CSV, so the
 * three always agree.
 */
export interface AxisSpec {
  readonly label: string;
  /** Shown in brackets after the label, e.g. "ms", "req/s". */
  readonly unit?: string;
}

/** Index into the palette (--rl-series-1 ... --rl-series-8). */
export type SeriesColor = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** Line styles tell series apart without relying on colour alone. */
export type Dash = 'solid' | 'dashed' | 'dotted' | 'dashdot';

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly color: SeriesColor;
  readonly dash?: Dash;
  /** Fill the area under the line (for one series at most, or it hides the others). */
  readonly area?: boolean;
  /** Draw a dot at each point: for a handful of discrete points. */
  readonly points?: boolean;
  readonly x: readonly number[];
  /** null leaves a gap. */
  readonly y: readonly (number | null)[];
}

/** A shaded stretch of the x axis, e.g. the load spike. */
export interface ShadedInterval {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** A vertical rule at one x, e.g. the chosen failure rate. */
export interface XMarker {
  readonly x: number;
  readonly label: string;
}

export interface LineChartModel {
  readonly kind: 'line';
  /** `data-chart` value; unique within the widget. */
  readonly id: string;
  readonly title: string;
  readonly x: AxisSpec & { readonly domain?: readonly [number, number]; readonly scale?: 'linear' | 'log' };
  readonly y: AxisSpec & { readonly domain?: readonly [number, number]; readonly scale?: 'linear' | 'log' };
  readonly series: readonly LineSeries[];
  readonly shaded?: readonly ShadedInterval[];
  readonly markers?: readonly XMarker[];
  /** What the chart shows, in words, from the run's numbers. */
  readonly summary: string;
}

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  readonly color: SeriesColor;
  /** One value per category. */
  readonly values: readonly number[];
  /** Half-width of an error bar per category (e.g. one standard error), when there is one. */
  readonly errors?: readonly number[];
}

/** Horizontal bars: one row per category, one bar per series within it. */
export interface BarChartModel {
  readonly kind: 'bar';
  readonly id: string;
  readonly title: string;
  readonly categories: readonly { readonly key: string; readonly label: string }[];
  /** The value axis. */
  readonly value: AxisSpec & { readonly max?: number };
  readonly series: readonly BarSeries[];
  readonly summary: string;
  /** What the error bars mean, for the legend, e.g. "±1 standard error over 10 runs". */
  readonly errorLabel?: string;
}

export type ChartModel = LineChartModel | BarChartModel;

export function axisTitle(a: AxisSpec): string {
  return a.unit ? `${a.label} (${a.unit})` : a.label;
}
