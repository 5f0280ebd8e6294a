import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../simulations/engine/random-streams.ts';
import { PiecewiseRate, PoissonArrivals } from '../../../simulations/models/arrival-rate.ts';

function arrivalsUntil(rate: PiecewiseRate, endMs: number, seed = 1): number[] {
  const arrivals = new PoissonArrivals(rate, new RandomStreams(seed).stream('arrivals'));
  const out: number[] = [];
  for (let t = arrivals.next(0); t < endMs; t = arrivals.next(t)) out.push(t);
  return out;
}

describe('PiecewiseRate', () => {
  it('gives the rate of the step in force, 0 before the first', () => {
    const r = new PiecewiseRate([
      { fromMs: 10, perSecond: 5 },
      { fromMs: 20, perSecond: 0 },
      { fromMs: 30, perSecond: 7 },
    ]);
    expect([0, 10, 15, 20, 29, 30, 1e9].map((t) => r.rateAt(t))).toEqual([0, 5, 5, 0, 0, 7, 7]);
  });

  it('spike is base, then spike over [start, end), then base', () => {
    const r = PiecewiseRate.spike(100, 400, 10_000, 15_000);
    expect([0, 9_999, 10_000, 14_999, 15_000].map((t) => r.rateAt(t))).toEqual([100, 100, 400, 400, 100]);
  });

  it('refuses steps out of order or with a negative rate', () => {
    expect(() => new PiecewiseRate([{ fromMs: 5, perSecond: 1 }, { fromMs: 5, perSecond: 2 }])).toThrow(RangeError);
    expect(() => new PiecewiseRate([{ fromMs: 0, perSecond: -1 }])).toThrow(RangeError);
  });
});

describe('PoissonArrivals', () => {
  it('counts per step agree with a Poisson process at each step rate (fixed seed, within 4 standard deviations)', () => {
    // 200/s for 100 s, 0 for 10 s, 1000/s for 20 s.
    const rate = new PiecewiseRate([
      { fromMs: 0, perSecond: 200 },
      { fromMs: 100_000, perSecond: 0 },
      { fromMs: 110_000, perSecond: 1000 },
    ]);
    const times = arrivalsUntil(rate, 130_000);
    const count = (lo: number, hi: number) => times.filter((t) => t >= lo && t < hi).length;
    // A Poisson count with mean m has standard deviation sqrt(m).
    for (const [lo, hi, mean] of [
      [0, 100_000, 20_000],
      [110_000, 130_000, 20_000],
    ]) {
      expect(Math.abs(count(lo, hi) - mean)).toBeLessThan(4 * Math.sqrt(mean));
    }
    expect(count(100_000, 110_000)).toBe(0);
  });

  it('never goes back in time and never puts an arrival where the rate is 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0, 1, 50, 500)), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (raw, seed) => {
          let from = 0;
          const rate = new PiecewiseRate(raw.map(([gap, perSecond]) => ({ fromMs: (from += gap), perSecond })));
          const times = arrivalsUntil(rate, from + 2000, seed);
          const backwards = times.filter((t, i) => i > 0 && t < times[i - 1]);
          const atZeroRate = times.filter((t) => rate.rateAt(t) === 0);
          expect([backwards, atZeroRate]).toEqual([[], []]);
        },
      ),
    );
  });

  it('returns Infinity when the rate stays 0', () => {
    const arrivals = new PoissonArrivals(PiecewiseRate.spike(0, 10, 0, 1000), () => 0.5);
    expect(arrivals.next(2000)).toBe(Infinity);
  });
});
