import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/components/frame/runner/hash.ts';
import { num, percent } from '../../../src/components/stats/format-number.ts';
import { meanAndError } from '../../../src/components/stats/mean-and-error.ts';

describe('summary helpers', () => {
  it('mean and standard error', () => {
    expect(meanAndError([])).toEqual({ mean: 0, error: 0 });
    expect(meanAndError([4])).toEqual({ mean: 4, error: 0 });
    const { mean, error } = meanAndError([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    // sample sd = sqrt(5/3); se = sd / 2
    expect(error).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
  });

  it('numbers keep whole counts exact and small values to three digits', () => {
    expect([num(4096), num(150.5), num(2.737), num(0.5044), num(0)]).toEqual(['4,096', '151', '2.74', '0.504', '0']);
    expect(percent(0.939)).toBe('93.9%');
  });

  it('hashes are stable and differ for different plans', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });
});
