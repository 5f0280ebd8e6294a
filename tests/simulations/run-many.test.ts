import { describe, expect, it } from 'vitest';
import { batchSeed, meanSummary, runMany } from '../../simulations/run-many.ts';
import { jitterContention } from '../../simulations/scenarios/jitter-contention.ts';
import { echo } from './cli/fake-registry.ts';

const echoDefaults = { arrivalRate: 2.5, workers: 3, mode: 'fast', cancel: true } as const;

describe('runMany', () => {
  it('run i of a batch uses seed + i, so run 0 is the single run with that seed', () => {
    expect([0, 1, 2].map((i) => batchSeed(100, i))).toEqual([100, 101, 102]);
    const params = { clients: 10, strategy: 'full', base: 5, cap: 2000 } as const;
    expect(runMany(jitterContention, params, 5, 1)).toEqual(jitterContention.run(params, 5).summary);
  });

  it('averages numbers and turns booleans into the fraction of runs where they held', () => {
    expect(runMany(echo, echoDefaults, 10, 3)).toEqual({ seed: 11, arrivalRate: 2.5, workers: 3, slow: 0, cancel: 1 });
    expect(meanSummary([{ a: 1, ok: true }, { a: 2, ok: false }, { a: 6, ok: true }, { a: 3, ok: false }])).toEqual({ a: 3, ok: 0.5 });
  });

  it('a single summary comes back unchanged, booleans included', () => {
    expect(meanSummary([{ a: 1.5, ok: true }])).toEqual({ a: 1.5, ok: true });
  });

  it('progress rises to 1 and never goes back', () => {
    const seen: number[] = [];
    runMany(jitterContention, { clients: 30, strategy: 'full', base: 5, cap: 2000 }, 1, 4, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('rejects a run count that is not a positive integer, and summaries that disagree on keys', () => {
    expect(() => runMany(echo, echoDefaults, 1, 0)).toThrow(RangeError);
    expect(() => runMany(echo, echoDefaults, 1, 1.5)).toThrow(RangeError);
    expect(() => meanSummary([])).toThrow(RangeError);
    expect(() => meanSummary([{ a: 1 }, { b: 1 }])).toThrow(/"a" is missing/);
  });
});
