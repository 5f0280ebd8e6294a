import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdfScheduler } from '../../../src/resilience/load-balancing/edf-scheduler.ts';

describe('EdfScheduler', () => {
  it('with fixed weights, picks each host within one of its weighted share after any number of picks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 2000 }), (weights, picks) => {
        const edf = new EdfScheduler(weights.length);
        const weight = (h: number) => weights[h];
        edf.reset(
          weights.map((_, i) => i),
          weight,
        );
        const counts = new Array<number>(weights.length).fill(0);
        for (let i = 0; i < picks; i++) counts[edf.pickAndAdd(weight)]++;
        const total = weights.reduce((a, b) => a + b, 0);
        // Host h has been picked k times when its k-th deadline k/w_h was passed,
        // so after T time units k = floor(T w_h) or one more: within one pick of share.
        counts.forEach((c, h) => expect(Math.abs(c - (picks * weights[h]) / total)).toBeLessThanOrEqual(weights.length));
      }),
    );
  });

  it('takes equal-weight hosts in turn', () => {
    const edf = new EdfScheduler(3);
    edf.reset([0, 1, 2], () => 1);
    expect(Array.from({ length: 6 }, () => edf.pickAndAdd(() => 1))).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('reads the weight at re-insertion, so a host whose weight drops is picked less from then on', () => {
    const edf = new EdfScheduler(2);
    const w = [1, 1];
    edf.reset([0, 1], (h) => w[h]);
    w[0] = 0.25;
    const counts = [0, 0];
    for (let i = 0; i < 500; i++) counts[edf.pickAndAdd((h) => w[h])]++;
    expect(counts[0] / 500).toBeCloseTo(0.2, 1);
  });
});
