import { describe, expect, it } from 'vitest';
import { PercentileHedgingDelay, fixedHedgingDelay } from '../../../src/resilience/hedging/index.ts';

describe('hedging delays', () => {
  it('a fixed delay is what it says and learns nothing', () => {
    const d = fixedHedgingDelay(50);
    d.observe(1000);
    expect(d.delayMs()).toBe(50);
    expect(d.learns).toBe(false);
    expect(() => fixedHedgingDelay(-1)).toThrow(RangeError);
  });

  it('a percentile delay sends no timed hedge until its first refresh, then follows the window', () => {
    const d = new PercentileHedgingDelay({ percentile: 90, windowSize: 10, refreshEvery: 10 });
    expect(d.delayMs()).toBe(Infinity);
    for (let i = 1; i <= 9; i++) d.observe(i * 10);
    expect(d.delayMs()).toBe(Infinity);
    d.observe(100);
    // 10..100: the 90th percentile is 91.
    expect(d.delayMs()).toBeCloseTo(91, 10);
    // The window keeps the last 10: ten latencies of 5 replace them.
    for (let i = 0; i < 10; i++) d.observe(5);
    expect(d.delayMs()).toBe(5);
  });

  it('never goes below its minimum and ignores latencies that are not finite', () => {
    const d = new PercentileHedgingDelay({ percentile: 50, windowSize: 4, refreshEvery: 2, minDelayMs: 3 });
    d.observe(Number.NaN);
    d.observe(Infinity);
    expect(d.delayMs()).toBe(Infinity);
    d.observe(0);
    d.observe(0);
    expect(d.delayMs()).toBe(3);
  });

  it('rejects percentiles outside (0, 100) and empty windows', () => {
    expect(() => new PercentileHedgingDelay({ percentile: 100 })).toThrow(RangeError);
    expect(() => new PercentileHedgingDelay({ percentile: 0 })).toThrow(RangeError);
    expect(() => new PercentileHedgingDelay({ percentile: 50, windowSize: 0 })).toThrow(RangeError);
  });
});
