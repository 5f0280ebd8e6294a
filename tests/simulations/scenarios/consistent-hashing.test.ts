import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { consistentHashing, type ConsistentHashingParams } from '../../../simulations/scenarios/consistent-hashing.ts';
import { meanAndStandardError } from './stats.ts';

const base: ConsistentHashingParams = { ...defaultValues(consistentHashing.params), keys: 5_000 };

/** Mean and standard error of the moved fraction over `runs` seeds: each seed is a new cluster (random backend addresses) and new keys. */
function movedOverSeeds(p: Partial<ConsistentHashingParams>, runs: number) {
  const xs = Array.from({ length: runs }, (_, i) => consistentHashing.run({ ...base, ...p }, 300 + i).summary.movedFraction);
  return meanAndStandardError(xs);
}

describe('consistent-hashing: keys that move', () => {
  // Tolerance: the moved fraction is one draw per seed (which cluster, which keys);
  // 40 seeds give its mean and standard error, and the mean must be within 4 standard
  // errors of the expectation (two-sided p ≈ 3e-4 under a t distribution, 39 degrees of freedom).
  it.each([
    { backends: 10, change: 'add' as const },
    { backends: 10, change: 'remove' as const },
    { backends: 40, change: 'add' as const },
  ])('ring hash moves 1/(n + 1) of the keys on an add and 1/n on a remove, on average over clusters: %o', ({ backends, change }) => {
    // Backends are exchangeable (their ids are random), so the new backend's expected share is
    // exactly 1/(n + 1), and a removed one, chosen at random, held 1/n: the ideal, exactly, in expectation.
    const ideal = change === 'add' ? 1 / (backends + 1) : 1 / backends;
    const { mean, se } = movedOverSeeds({ method: 'ring-hash', backends, change }, 40);
    expect(Math.abs(mean - ideal)).toBeLessThan(4 * se);
    // A share's spread is about 1/√points = 10% of it, so the check is a tight one.
    expect(se).toBeLessThan(0.05 * ideal);
  });

  it.each([
    { backends: 10, change: 'add' as const },
    { backends: 10, change: 'remove' as const },
  ])('hash mod n moves n/(n + 1) of the keys on an add and (n − 1)/n on a remove: %o', ({ backends, change }) => {
    // A key stays only if hash mod n and hash mod n±1 name the same backend; for a uniform hash the
    // two residues are independent and uniform (n and n ± 1 are coprime), so it stays with
    // probability 1/(n + 1) adding and 1/n removing, whichever backend is removed.
    const expected = change === 'add' ? backends / (backends + 1) : (backends - 1) / backends;
    const { mean, se } = movedOverSeeds({ method: 'modulo', backends, change }, 20);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
  });

  it('Maglev moves close to the ideal with a table of ~6 500 slots per backend, and a bigger table moves fewer keys', () => {
    const at = (backends: number, maglevTableSize: number) => movedOverSeeds({ method: 'maglev', backends, change: 'add', maglevTableSize }, 10).mean;
    // Maglev promises minimal disruption, not the minimum: slots change hands among the
    // backends that stay when the table is refilled, more so the fewer slots each backend has.
    expect(at(10, 65_537)).toBeLessThan(1.1 / 11);
    expect(at(10, 65_537)).toBeGreaterThan(0.95 / 11);
    const small = at(50, 1_009);
    const envoy = at(50, 65_537);
    const large = at(50, 200_003);
    expect(large).toBeLessThan(envoy);
    expect(envoy).toBeLessThan(small);
  });

  it('ring hash moves no key between two backends that stay (only to the new one or off the removed one), over random clusters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('add' as const, 'remove' as const),
        fc.nat(),
        (backends, ringPoints, change, seed) => {
          const r = consistentHashing.run({ ...base, keys: 500, backends, ringPoints, change, method: 'ring-hash' }, seed);
          expect(r.summary.excessMovedFraction).toBe(0);
          const changed = r.backends[r.changedBackend].id;
          for (const m of r.moves) if (m.from !== m.to) expect(change === 'add' ? m.to : m.from).toBe(changed);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('every key is on exactly one backend before and after, none on the added backend before or the removed one after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.constantFrom('add' as const, 'remove' as const),
        fc.constantFrom('modulo' as const, 'ring-hash' as const, 'maglev' as const),
        fc.nat(),
        (backends, change, method, seed) => {
          const r = consistentHashing.run({ ...base, keys: 400, backends, change, method, ringPoints: 10, maglevTableSize: 1009 }, seed);
          const sum = (k: 'keysBefore' | 'keysAfter') => r.backends.reduce((a, b) => a + b[k], 0);
          expect(sum('keysBefore')).toBe(400);
          expect(sum('keysAfter')).toBe(400);
          expect(r.backends.length).toBe(change === 'add' ? backends + 1 : backends);
          expect(r.backends[r.changedBackend][change === 'add' ? 'keysBefore' : 'keysAfter']).toBe(0);
          expect(new Set(r.backends.map((b) => b.id)).size).toBe(r.backends.length);
          expect(r.moves.length).toBe(40);
          const ids = new Set(r.backends.map((b) => b.id));
          const changed = r.backends[r.changedBackend].id;
          for (const m of r.moves) {
            expect(ids.has(m.from) && ids.has(m.to)).toBe(true);
            expect(change === 'add' ? m.from : m.to).not.toBe(changed);
          }
          expect(r.summary.movedFraction).toBeGreaterThanOrEqual(r.summary.excessMovedFraction);
          expect(r.summary.requests).toBe(800);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('Maglev spreads keys more evenly than a ring with 100 points per backend, and more ring points even the ring out', () => {
    for (let seed = 0; seed < 3; seed++) {
      const run = (p: Partial<ConsistentHashingParams>) => consistentHashing.run({ ...base, keys: 100_000, backends: 50, ...p }, seed).summary;
      // Ring: each share has a relative spread of about 1/√points (10% at 100 points, 4.5% at 500);
      // Maglev: slots differ by at most one, so only the keys' own sampling noise (~2%) is left.
      const ring = run({ method: 'ring-hash', ringPoints: 100 });
      const denseRing = run({ method: 'ring-hash', ringPoints: 500 });
      const maglev = run({ method: 'maglev' });
      expect(maglev.relativeStdev).toBeLessThan(ring.relativeStdev);
      expect(denseRing.relativeStdev).toBeLessThan(ring.relativeStdev);
      expect(maglev.maxOverMean).toBeLessThan(ring.maxOverMean);
    }
  });
});
