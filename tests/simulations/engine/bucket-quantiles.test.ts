import { describe, expect, it } from 'vitest';
import { BucketQuantiles } from '../../../simulations/engine/bucket-quantiles.ts';

describe('BucketQuantiles', () => {
  it('computes quantiles per bucket, NaN for an empty one, ignoring samples outside the run', () => {
    const b = new BucketQuantiles(10, 30);
    for (let v = 1; v <= 101; v++) b.add(3, v);
    b.add(25, 7);
    b.add(30, 1000);
    b.add(-1, 1000);
    expect(b.columns([0.5, 0.99])).toEqual([
      [51, NaN, 7],
      [100, NaN, 7],
    ]);
    expect(b.columnsWithGaps([0.99, 0.5])).toEqual([
      [100, null, 7],
      [51, null, 7],
    ]);
  });
});
