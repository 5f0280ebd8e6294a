import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams, deriveSeed } from '../../../simulations/engine/random-streams.ts';

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
});
