import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { cellParams, metastability, type MetastabilityParams } from '../../../simulations/scenarios/metastability.ts';
import { retryStorm } from '../../../simulations/scenarios/retry-storm.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

const defaults = defaultValues(metastability.params);
const run = (over: Partial<MetastabilityParams>, seed: number) => metastability.run({ ...defaults, ...over }, seed);

describe('metastability agrees with retry-storm, cell by cell', () => {
  it('every sampled cell is what retry-storm gives for the same params and seed', () => {
    fc.assert(
      fc.property(paramsArbitrary(metastability.params, { ...smallRunBounds.metastability, gridSize: { max: 3 } }), fc.nat(), (p, seed) => {
        const r = metastability.run(p, seed);
        for (const row of r.cells) {
          for (const cell of row) {
            const storm = retryStorm.run(cell.params, seed).summary;
            expect(cell.recovered).toBe(storm.recovered);
            expect(cell.goodputAfter).toBe(storm.goodputAfter);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('at the defaults, sampled cells agree too (the map a reader sees)', () => {
    const r = run({}, 1);
    for (const [i, j] of [[0, 0], [1, 2], [2, 4], [4, 1], [3, 3]]) {
      const cell = r.cells[i][j];
      expect(retryStorm.run(cell.params, 1).summary.recovered).toBe(cell.recovered);
    }
  });

  it("maps the switches to retry-storm's parameters and the trigger to its spike", () => {
    const p = { ...defaults, backoffJitter: true, retryBudget: true, cancellation: true, queueing: 'lifo', timeout: 300 } as const;
    expect(cellParams(p, 350, 4)).toMatchObject({ backoff: 'full', budget: 'token-bucket', cancellation: true, queueing: 'lifo', timeout: 300, spikeRate: 350, spikeDuration: 4, baseRate: defaults.baseRate, duration: defaults.duration });
    expect(cellParams(defaults, 200, 1)).toMatchObject({ backoff: 'none', budget: 'none', cancellation: false, queueing: 'fifo' });
  });
});

describe('metastability: the grid and its boundary', () => {
  it('spans the trigger sizes and lengths asked for', () => {
    const r = run({ gridSize: 3, minSpike: 200, maxSpike: 400, maxSpikeDuration: 9, duration: 20 }, 1);
    expect(r.spikeRates).toEqual([200, 300, 400]);
    expect(r.spikeDurations).toEqual([1, 5, 9]);
    expect(r.summary.cells).toBe(9);
    expect(r.summary.recoveredCells + r.summary.sustainedCells).toBe(9);
  });

  it('puts the boundary at the smallest sustained trigger of each length; everything smaller was absorbed', () => {
    fc.assert(
      fc.property(paramsArbitrary(metastability.params, { ...smallRunBounds.metastability, gridSize: { max: 3 }, maxSpike: { max: 400 } }), fc.nat(), (p, seed) => {
        const r = metastability.run(p, seed);
        r.spikeDurations.forEach((_, j) => {
          const column = r.cells.map((row) => row[j]);
          const b = r.boundary[j];
          if (b === null) expect(column.every((c) => c.recovered)).toBe(true);
          else {
            expect(column.find((c) => c.spikeRate === b)?.recovered).toBe(false);
            for (const c of column) if (c.spikeRate < b) expect(c.recovered).toBe(true);
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it('at the defaults, some triggers are sustained; a retry budget or LIFO queueing makes more of them absorbed (seeds 1, 2)', () => {
    for (const seed of [1, 2]) {
      const base = run({}, seed).summary;
      expect(base.sustainedCells).toBeGreaterThan(0);
      expect(base.recoveredCells).toBeGreaterThan(0);
      expect(run({ retryBudget: true }, seed).summary.recoveredCells).toBeGreaterThan(base.recoveredCells);
      expect(run({ queueing: 'lifo' }, seed).summary.recoveredCells).toBeGreaterThan(base.recoveredCells);
    }
  });
});
