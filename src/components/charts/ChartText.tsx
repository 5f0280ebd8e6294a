import { wrapText } from './text-metrics.ts';

export const TITLE_FONT = 14;
export const TITLE_LINE = 18;
export const AXIS_TITLE_FONT = 12;
export const AXIS_TITLE_LINE = 15;

/** A label wrapped onto as many lines as it needs within `width`; returns the element and the height it takes. */
export function wrappedText(o: { text: string; x: number; y: number; width: number; fontSize: number; lineHeight: number; className: string; anchor?: 'start' | 'middle' }) {
  const lines = wrapText(o.text, o.width, o.fontSize);
  const element = (
    <text className={o.className} x={o.x} y={o.y} textAnchor={o.anchor}>
      {lines.map((l, i) => (
        <tspan key={i} x={o.x} dy={i === 0 ? 0 : o.lineHeight}>
          {l}
        </tspan>
      ))}
    </text>
  );
  return { element, height: lines.length * o.lineHeight };
}
