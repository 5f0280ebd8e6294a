import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { Axis, type AxisOrient } from '../../../src/components/charts/Axis.tsx';
import { axisTicks } from '../../../src/components/charts/ticks.ts';

const ticks = [
  { key: 0, at: 10, label: 'zero' },
  { key: 1, at: 50, label: 'one' },
];
const draw = (orient: AxisOrient, extra: Partial<Parameters<typeof Axis>[0]> = {}) =>
  renderToString(
    <svg>
      <Axis orient={orient} offset={100} ticks={ticks} {...extra} />
    </svg>,
  );

describe('Axis', () => {
  it('places each tick along the axis and the axis across the plot, for all four orientations', () => {
    expect(draw('bottom')).toContain('<g transform="translate(10,100)"><line y2="5"></line><text y="8" dy="0.71em" text-anchor="middle">zero</text></g>');
    expect(draw('top')).toContain('<g transform="translate(50,100)"><line y2="-5"></line><text y="-8" text-anchor="middle">one</text></g>');
    expect(draw('left')).toContain('<g transform="translate(100,10)"><line x2="-5"></line><text x="-8" dy="0.32em" text-anchor="end">zero</text></g>');
    expect(draw('right')).toContain('<g transform="translate(100,50)"><line x2="5"></line><text x="8" dy="0.32em" text-anchor="start">one</text></g>');
  });

  it('draws labels only when the ticks have no length, and the domain line only when asked, along the axis', () => {
    const labels = draw('left', { tickSize: 0, tickPadding: 6 });
    expect(labels).not.toContain('<line');
    expect(labels).toContain('<text x="-6" dy="0.32em" text-anchor="end">zero</text>');
    expect(draw('bottom', { domain: [0, 200] })).toContain('<line x1="0" x2="200" y1="100" y2="100"></line>');
    expect(draw('left', { domain: [0, 200] })).toContain('<line x1="100" x2="100" y1="0" y2="200"></line>');
  });

  it('takes a D3 scale’s ticks at their positions on the scale', () => {
    const x = scaleLinear().domain([0, 10]).range([100, 200]);
    expect(axisTicks(x, 2)).toEqual([
      { key: 0, at: 100, label: '0' },
      { key: 5, at: 150, label: '5' },
      { key: 10, at: 200, label: '10' },
    ]);
  });
});
