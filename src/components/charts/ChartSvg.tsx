import type { ReactNode, SVGProps } from 'react';

export interface ChartSvgRootProps extends Omit<SVGProps<SVGSVGElement>, 'children' | 'className' | 'viewBox' | 'width' | 'height'> {
  /** `data-chart`: the chart's id, unique within its widget. */
  readonly chartId: string;
  readonly title: string;
  readonly titleId: string;
  readonly summaryId: string;
  /** The drawing's size in its own units: CSS px, the viewBox following the measured width. */
  readonly width: number;
  readonly height: number;
  /** Classes besides `rl-chart`. */
  readonly extraClass?: string;
  readonly children: ReactNode;
}

/**
 * The root of every chart: an SVG image named by its title and described by
 * the figure's summary, scaling to its container's width, its title first
 * (so a downloaded file keeps it).
 */
export function ChartSvg({ chartId, title, titleId, summaryId, width, height, extraClass, children, ...events }: ChartSvgRootProps) {
  return (
    <svg
      data-chart={chartId}
      role="img"
      aria-labelledby={`${titleId} ${summaryId}`}
      className={extraClass ? `rl-chart ${extraClass}` : 'rl-chart'}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      {...events}
    >
      <title id={titleId}>{title}</title>
      {children}
    </svg>
  );
}
