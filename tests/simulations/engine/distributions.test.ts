import { randomLogNormal } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logNormalDraws, meanOf, sampler, type Distribution } from '../../../simulations/engine/distributions.ts';
import { RandomStreams } from '../../../simulations/engine/random-streams.ts';

const N = 200_000;

describe('distributions', () => {
  const cases: [Distribution, number][] = [
    // [distribution, its standard deviation]
    [{ kind: 'exponential', mean: 20 }, 20],
    [{ kind: 'uniform', min: 10, max: 30 }, 20 / Math.sqrt(12)],
    [{ kind: 'log-normal', median: 10, sigma: 0.5 }, 10 * Math.exp(0.125) * Math.sqrt(Math.exp(0.25) - 1)],
  ];
  for (const [d, sd] of cases) {
    it(`${d.kind}: the sample mean of ${N} draws (fixed seed) is within 4 standard errors of meanOf`, () => {
      const draw = sampler(d, new RandomStreams(42).stream('x'));
      let sum = 0;
      let min = Infinity;
      for (let i = 0; i < N; i++) {
        const x = draw();
        if (x < min) min = x;
        sum += x;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      // Independent draws: the standard error of the mean is sd / sqrt(N).
      expect(Math.abs(sum / N - meanOf(d))).toBeLessThan((4 * sd) / Math.sqrt(N));
    });
  }

  it("log-normal draws are d3-random's randomLogNormal, bit for bit, on the same stream", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (seed, mu, sigma) => {
        const ours = logNormalDraws(mu, sigma, new RandomStreams(seed).stream('x'));
        const d3 = randomLogNormal.source(new RandomStreams(seed).stream('x'))(mu, sigma);
        for (let i = 0; i < 1001; i++) expect(Object.is(ours(), d3())).toBe(true);
      }),
    );
  });

  it('constant always gives its value', () => {
    const draw = sampler({ kind: 'constant', value: 3 }, () => 0.5);
    expect([draw(), draw()]).toEqual([3, 3]);
  });
});
