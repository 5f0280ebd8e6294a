import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { metastability, type MetastabilityParams } from '../../../simulations/scenarios/metastability.ts';
import { metastabilityCell } from '../../../simulations/scenarios/metastability-cell.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

/** Each cell of a whole-map run, run alone: the cell as JSON, and the counts the map adds up. */
function cellsAlone(p: MetastabilityParams, seed: number) {
  const { gridSize, minSpike, maxSpike, maxSpikeDuration, ...settings } = p;
  const whole = metastability.run(p, seed);
  const alone = whole.cells.map((row) => row.map((c) => metastabilityCell.run({ ...settings, spikeRate: c.spikeRate, spikeDuration: c.spikeDuration }, seed)));
  return { whole, alone };
}

describe('metastability-cell: one cell of the map', () => {
  it('gives byte for byte the cell the whole map gives for the same trigger, params and seed; the map’s request counts are the cells’ sums (property)', () => {
    fc.assert(
      fc.property(paramsArbitrary(metastability.params, { ...smallRunBounds.metastability, gridSize: { max: 3 } }), fc.nat(), (p, seed) => {
        const { whole, alone } = cellsAlone(p, seed);
        expect(JSON.stringify(alone.map((row) => row.map((r) => r.cell)))).toBe(JSON.stringify(whole.cells));
        for (const k of ['requests', 'succeeded', 'failed', 'rejected', 'timedOut', 'shed'] as const) expect(alone.flat().reduce((n, r) => n + r.summary[k], 0)).toBe(whole.summary[k]);
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['no defences', 1, {}],
    ['no defences', 2, {}],
    ['a retry budget', 7, { retryBudget: true }],
    ['LIFO, a 500 ms timeout', 3, { queueing: 'lifo', timeout: 500 }],
  ] as const)('at the map’s default grid, %s, seed %i: all 25 cells alone equal the whole map’s', (_, seed, over) => {
    const { whole, alone } = cellsAlone({ ...defaultValues(metastability.params), ...over }, seed);
    expect(alone.flat()).toHaveLength(25);
    expect(JSON.stringify(alone.map((row) => row.map((r) => r.cell)))).toBe(JSON.stringify(whole.cells));
  });

  it('by default, is the middle cell of the default map (300 req/s for 5 s)', () => {
    const cell = metastabilityCell.run(defaultValues(metastabilityCell.params), 1).cell;
    expect(cell).toEqual(metastability.run(defaultValues(metastability.params), 1).cells[2][2]);
  });
});
