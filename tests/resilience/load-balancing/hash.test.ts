import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashKey, hashString } from '../../../src/resilience/load-balancing/hash.ts';

describe('hashString / hashKey', () => {
  it('is a deterministic integer in [0, 2^53) for any string and seed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer(), (s, seed) => {
        const h = hashString(s, seed);
        expect(Number.isSafeInteger(h)).toBe(true);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(hashString(s, seed)).toBe(h);
      }),
    );
  });

  it('is a deterministic integer in [0, 2^53) for any number key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.double()), (k) => {
        const h = hashKey(k);
        expect(Number.isSafeInteger(h)).toBe(true);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(hashKey(k)).toBe(h);
      }),
    );
  });

  it('pins known values so placements stay stable across releases', () => {
    // If these change, every ring and Maglev table moves: a breaking change for anyone persisting key placement.
    expect([hashString(''), hashString('host-0'), hashString('host-0', 1), hashKey(42)]).toEqual([
      2866489799367521, 8865109127250603, 4939362523342134, 3614676564798323,
    ]);
  });

  it('gives unrelated hashes for different seeds and neighbouring inputs', () => {
    expect(hashString('host-0', 1)).not.toBe(hashString('host-0', 2));
    expect(hashString('key-1')).not.toBe(hashString('key-2'));
    expect(hashKey(1)).not.toBe(hashKey(2));
  });

  it('spreads sequential keys evenly over 64 buckets (chi-square, fixed inputs)', () => {
    // 64 000 keys into 64 buckets: expected 1000 each. Chi-square with 63
    // degrees of freedom has mean 63 and sd sqrt(126) ≈ 11.2; 120 is about
    // 5 sd above the mean (p < 1e-6), so only a biased hash fails.
    for (const keyOf of [(i: number) => hashKey(i), (i: number) => hashString(`user-${i}`)]) {
      const buckets = new Array<number>(64).fill(0);
      for (let i = 0; i < 64_000; i++) buckets[keyOf(i) % 64]++;
      const chi = buckets.reduce((s, c) => s + ((c - 1000) * (c - 1000)) / 1000, 0);
      expect(chi).toBeLessThan(120);
    }
  });

  it('spreads the high bits too (the ring compares whole hashes)', () => {
    // Same test on the top 6 of 53 bits.
    const buckets = new Array<number>(64).fill(0);
    for (let i = 0; i < 64_000; i++) buckets[Math.floor(hashString(`user-${i}`) / 2 ** 47)]++;
    const chi = buckets.reduce((s, c) => s + ((c - 1000) * (c - 1000)) / 1000, 0);
    expect(chi).toBeLessThan(120);
  });
});
