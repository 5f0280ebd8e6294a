/**
 * A widget's charts as one standalone SVG file. On the page the charts take
 * their colours and fonts from CSS variables and the stylesheet, which a
 * saved file would not have; so every drawn element gets its computed
 * colours and font written onto it, and the charts are stacked into one
 * drawing on the page's background colour.
 */
const INLINED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;
const SVG_NS = 'http://www.w3.org/2000/svg';

export function standaloneSvg(charts: readonly SVGSVGElement[], background: string): string {
  const widths = charts.map((c) => c.viewBox.baseVal.width);
  const heights = charts.map((c) => c.viewBox.baseVal.height);
  const width = Math.max(...widths);
  const height = heights.reduce((a, b) => a + b, 0);
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  root.appendChild(bg);
  let y = 0;
  charts.forEach((chart, i) => {
    const copy = doc.importNode(chart, true) as SVGSVGElement;
    inlineStyles(chart, copy);
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(widths[i]));
    copy.setAttribute('height', String(heights[i]));
    for (const a of ['class', 'role', 'aria-labelledby', 'preserveAspectRatio']) copy.removeAttribute(a);
    root.appendChild(copy);
    y += heights[i];
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
}

function inlineStyles(original: Element, copy: Element): void {
  const cs = getComputedStyle(original);
  const style: string[] = [];
  for (const p of INLINED) {
    const v = cs.getPropertyValue(p);
    if (v && v !== 'normal' && v !== 'auto') style.push(`${p}:${v}`);
  }
  copy.removeAttribute('class');
  copy.setAttribute('style', style.join(';'));
  for (let i = 0; i < original.children.length; i++) inlineStyles(original.children[i], copy.children[i]);
}
