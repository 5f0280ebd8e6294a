import { randomExponential, randomLcg, randomLogNormal } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentialDraws } from '../../../simulations/engine/distributions.ts';
import { LcgStream, RandomStreams, deriveSeed, lcgStreamOf } from '../../../simulations/engine/random-streams.ts';

const take = (s: () => number, n: number) => Array.from({ length: n }, s);

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name, whatever other streams were drawn from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string({ minLength: 1, maxLength: 12 }), (seed, name) => {
        const a = new RandomStreams(seed);
        const b = new RandomStreams(seed);
        take(b.stream(name + '-other'), 17);
        expect(take(a.stream(name), 20)).toEqual(take(b.stream(name), 20));
      }),
    );
  });

  it('returns the same stream object for a name, continuing where it left off', () => {
    const r = new RandomStreams(7);
    const first = take(r.stream('x'), 3);
    const next = take(r.stream('x'), 3);
    expect(take(new RandomStreams(7).stream('x'), 6)).toEqual([...first, ...next]);
  });

  it('draws in [0, 1) for every seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        for (const x of take(new RandomStreams(seed).stream('s'), 50)) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it('separates neighbouring seeds and similar names (no two of 2000 derived seeds collide)', () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 1000; seed++) for (const name of ['arrivals', 'arrivalt']) seen.add(deriveSeed(seed, name));
    expect(seen.size).toBe(2000);
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => new RandomStreams(1.5)).toThrow(RangeError);
  });

  it("draws d3-random's randomLcg sequence to the bit, for any seed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), (seed) => {
        expect(take(new LcgStream(seed).draw, 300)).toEqual(take(randomLcg(seed), 300));
      }),
    );
  });

  it('keeps every consumer on the sequence it had without batches, however exponential and plain draws interleave', () => {
    // Ops: 0 a plain draw, 1 and 2 exponential draws at two rates, 3 a log-normal draw (a variable number of plain draws).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 600, size: 'large' }), (seed, ops) => {
        const batched = new RandomStreams(seed).stream('s');
        expect(lcgStreamOf(batched)).toBeDefined();
        const plain = randomLcg(deriveSeed(seed, 's'));
        const ours = [batched, exponentialDraws(0.5, batched), exponentialDraws(3, batched), randomLogNormal.source(batched)(0, 1)];
        const d3s = [plain, randomExponential.source(plain)(0.5), randomExponential.source(plain)(3), randomLogNormal.source(plain)(0, 1)];
        for (const op of ops) expect(Object.is(ours[op](), d3s[op]())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
