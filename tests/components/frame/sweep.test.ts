import { describe, expect, it } from 'vitest';
import { everyNth, gridWith } from '../../../src/components/frame/sweep.ts';

describe('sweep points', () => {
  it('the grid plus the chosen value, once each, in numeric order', () => {
    expect(gridWith([0.1, 0.5, 0.9], 0.3)).toEqual([0.1, 0.3, 0.5, 0.9]);
    expect(gridWith([0.1, 0.5, 0.9], 0.5)).toEqual([0.1, 0.5, 0.9]);
    expect(gridWith([2, 10], 9)).toEqual([2, 9, 10]); // numbers, not strings: 10 after 9
  });

  it('every n-th point from an offset', () => {
    expect(everyNth([1, 2, 5, 10, 20, 50, 100], 2)).toEqual([1, 5, 20, 100]);
    expect(everyNth([1, 2, 5, 10, 20, 50, 100], 3, 1)).toEqual([2, 20]);
  });
});
