import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { continuousScale } from '../../../src/components/charts/continuous-scale.ts';
import { LEGEND_ROW_HEIGHT, layoutLegend } from '../../../src/components/charts/legend-layout.ts';
import { textWidth } from '../../../src/components/charts/text-metrics.ts';
import { ticksOf } from '../../../src/components/charts/ticks.ts';

describe('legend layout', () => {
  it('items never overlap and stay within the width unless a single item is wider', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 10 }), fc.integer({ min: 150, max: 900 }), (labels, width) => {
        const { placements, height } = layoutLegend(labels, width);
        const boxes = placements.map((p, i) => ({ ...p, w: 22 + textWidth(labels[i]) }));
        for (const b of boxes) {
          if (b.x > 0) expect(b.x + b.w).toBeLessThanOrEqual(width);
          expect(b.y + LEGEND_ROW_HEIGHT).toBeLessThanOrEqual(height);
        }
        for (let i = 1; i < boxes.length; i++) {
          const [a, b] = [boxes[i - 1], boxes[i]];
          expect(b.y > a.y || b.x >= a.x + a.w).toBe(true);
        }
      }),
    );
  });
});

describe('scales and ticks', () => {
  it('a linear value scale includes zero and covers the data', () => {
    const s = continuousScale([3, 17, 42], { includeZero: true });
    expect(s.domain()[0]).toBe(0);
    expect(s.domain()[1]).toBeGreaterThanOrEqual(42);
  });

  it('degenerate data still gives a drawable domain', () => {
    expect(continuousScale([], {}).domain()).toEqual([0, 1]);
    const flat = continuousScale([5, 5], {}).domain();
    expect(flat[1]).toBeGreaterThan(flat[0]);
    const log = continuousScale([0, -1, 4], { log: true }).domain();
    expect(log[0]).toBeGreaterThan(0);
    expect(log[1]).toBeGreaterThan(log[0]);
  });

  it('log ticks are powers of ten when the domain spans decades', () => {
    const s = continuousScale([1, 4096], { log: true });
    expect(ticksOf(s, 5, true).map((t) => t.label)).toEqual(['1', '10', '100', '1,000', '10k']);
  });
});
