import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashingFigures } from '../../../src/components/load-balancing/hashing/hashing-figures.tsx';
import { planHashing, previewHashing, PREVIEW_KEYS } from '../../../src/components/load-balancing/hashing/hashing-plan.ts';
import { hashingSpecs, type HashingSpecs } from '../../../src/components/load-balancing/hashing/hashing-specs.ts';
import { reduceHashing } from '../../../src/components/load-balancing/hashing/hashing-view.ts';
import { hashingWidget } from '../../../src/components/load-balancing/hashing/hashing-widget.ts';
import { flattenRuns, runKey } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../../src/components/frame/url/widget-state.ts';
import type { WidgetState } from '../../../src/components/frame/url/widget-url.ts';

type State = WidgetState<HashingSpecs>;
const initial: State = defaultState(hashingSpecs, hashingWidget.defaultSeed);
const A = initial.values;

describe('hash preview', () => {
  it('runs hash mod n and ring hash over the first 2,000 keys on the same seed, named in its label; Maglev follows', () => {
    const p = previewHashing(initial);
    const whole = planHashing(initial);
    expect(flattenRuns(p.runs).map((r) => [r.params.method, r.params.keys, r.seed])).toEqual([
      ['modulo', 2000, 1],
      ['ring-hash', 2000, 1],
    ]);
    expect(flattenRuns(p.runs).map((r) => r.params)).toEqual(
      flattenRuns(whole.runs)
        .slice(0, 2)
        .map((r) => ({ ...r.params, keys: 2000 })),
    );
    expect(p.label).toBe('Preview: the first 2,000 of 10,000 keys, by hash mod n and ring hash. Maglev follows.');
    expect(p.meta.keysRun).toEqual([2000]);
    const compare = previewHashing({ ...initial, compare: true, valuesB: { ...A, keys: 1000 } });
    expect(compare.label).toBe('Preview: A: the first 2,000 of 10,000 keys; B: all 1,000 keys, by hash mod n and ring hash. Maglev follows.');
  });

  it("with no more than 2,000 keys a side it is the whole plan's two cheap runs, unlabelled", () => {
    const state: State = { ...initial, values: { ...A, keys: 2000 } };
    const p = previewHashing(state);
    expect(p.label).toBeUndefined();
    const full = new Set(flattenRuns(planHashing(state).runs).map(runKey));
    expect(flattenRuns(p.runs).every((r) => full.has(runKey(r)))).toBe(true);
  });

  it("a run of fewer keys routes exactly the whole run's first keys: the same sample, and its counts are the first keys'", () => {
    const arb = fc.record({
      backends: fc.integer({ min: 2, max: 60 }),
      change: fc.constantFrom('add' as const, 'remove' as const),
      keys: fc.integer({ min: PREVIEW_KEYS + 1, max: 12_000 }),
      ringPoints: fc.integer({ min: 1, max: 200 }),
      seed: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(arb, ({ seed, ...v }) => {
        const state: State = { ...initial, seed, values: { ...A, ...v } };
        const p = previewHashing(state);
        // The whole run at the preview's key count is the preview; the whole run itself must agree on those keys.
        const short = executeRuns(p.runs)[0];
        const whole = executeRuns(planHashing(state).runs)[0].slice(0, 2);
        short.forEach((r, m) => {
          expect(r.moves).toEqual(whole[m].moves);
          expect(r.changedBackend).toBe(whole[m].changedBackend);
          expect(r.backends.map((b) => b.id)).toEqual(whole[m].backends.map((b) => b.id));
          expect(r.summary.requests).toBe(2 * PREVIEW_KEYS);
          // The first keys are among the whole run's, routed alike: no backend holds more of them than of all keys, nor are more moved.
          r.backends.forEach((b, h) => {
            expect(b.keysBefore).toBeLessThanOrEqual(whole[m].backends[h].keysBefore);
            expect(b.keysAfter).toBeLessThanOrEqual(whole[m].backends[h].keysAfter);
          });
          expect(r.summary.movedFraction * PREVIEW_KEYS).toBeLessThanOrEqual(whole[m].summary.movedFraction * v.keys + 1e-9);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('the view names the keys run, quotes no Maglev number and says it follows', () => {
    const p = previewHashing({ ...initial, compare: true, valuesB: { ...A, change: 'remove' } });
    const view = reduceHashing(executeRuns(p.runs), p.meta);
    const figures = hashingFigures(view);
    for (const side of view.sides) {
      expect(side.keysRun).toBe(2000);
      expect(side.methods.map((m) => m.method)).toEqual(['modulo', 'ring-hash']);
    }
    for (const f of figures) {
      expect(f.summary).toMatch(/Maglev follows\.$/);
      expect(f.summary).not.toMatch(/with Maglev|Maglev moved/);
      if (f.id.startsWith('key-moves')) continue;
      expect(f.summary).toMatch(/first 2,000 keys/);
      if (f.kind === 'bar') expect(f.categories.map((c) => c.key)).toEqual(['modulo', 'ring-hash']);
    }
    expect(figures.find((f) => f.id === 'moved-fraction')!.title).toBe('A: Keys that moved, of the first 2,000 of 10,000');
    const whole = reduceHashing(executeRuns(planHashing(initial).runs), planHashing(initial).meta);
    expect(whole.sides[0]).not.toHaveProperty('keysRun');
    for (const f of hashingFigures(whole)) expect(f.summary).not.toMatch(/first 2,000|follows/);
  });
});
