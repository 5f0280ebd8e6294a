import type { ReactElement } from 'react';
import type { ChartModel } from '../charts/chart-model.ts';
import type { ChartSvgProps } from '../charts/LineChart.tsx';

/** One plotted value of a custom figure, as a row of the shared long-form CSV (export/chart-csv.ts). */
export interface FigureCsvRow {
  readonly series: string;
  readonly x: string | number;
  readonly y: number;
  readonly xLabel: string;
  readonly yLabel: string;
}

/**
 * A figure the shared charts cannot draw (a grid of keys, a timeline of
 * checks), with what every chart has: an id for `data-chart`, a title, a
 * summary in words and its data for the CSV. `draw` renders the SVG at the
 * measured width, naming `titleId` and `summaryId` as its label.
 */
export interface CustomFigureModel {
  readonly kind: 'custom';
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly draw: (props: ChartSvgProps) => ReactElement;
  readonly rows: readonly FigureCsvRow[];
}

export type FigureModel = ChartModel | CustomFigureModel;
