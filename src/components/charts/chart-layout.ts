/** Spacing shared by the charts, in px of the SVG's own coordinates (one per CSS px: the viewBox follows the measured width). */
export const CHART = {
  gapAfterLegend: 6,
  xAxisHeight: 44,
  right: 14,
  tickFont: 12,
} as const;
