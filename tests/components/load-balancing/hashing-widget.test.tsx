import fc from 'fast-check';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultValues, paramSchema } from '../../../src/params/params.ts';
import { consistentHashing } from '../../../simulations/scenarios/consistent-hashing.ts';
import { hashingFigures } from '../../../src/components/load-balancing/hashing/hashing-figures.tsx';
import { planHashing } from '../../../src/components/load-balancing/hashing/hashing-plan.ts';
import { hashingSpecs, methods } from '../../../src/components/load-balancing/hashing/hashing-specs.ts';
import { reduceHashing } from '../../../src/components/load-balancing/hashing/hashing-view.ts';
import { hashingWidget } from '../../../src/components/load-balancing/hashing/hashing-widget.ts';
import { fateCounts, gridColumns, keyFate } from '../../../src/components/load-balancing/hashing/key-cells.ts';
import { flattenRuns } from '../../../src/components/frame/runner/run.ts';
import { executeRuns } from '../../../src/components/frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../../../src/components/frame/url/widget-state.ts';

const A = defaultValues(hashingSpecs);
const small = { ...A, keys: 2000 };

function viewOf(values: typeof A, seed = 1) {
  const plan = planHashing({ values, seed, compare: false, valuesB: values });
  return reduceHashing(executeRuns(plan.runs), plan.meta);
}

describe('hash (consistent hashing) widget', () => {
  it('a key’s fate: stayed exactly when its backend did not change, required exactly when the move touches the changed backend', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (from, to, changed) => {
        const fate = keyFate({ key: 'k', from, to }, changed);
        expect(fate === 'stayed').toBe(from === to);
        expect(fate === 'required').toBe(from !== to && (from === changed || to === changed));
      }),
    );
  });

  it('the grid has 4 to 10 columns whatever the width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (w) => {
        const c = gridColumns(w);
        expect(c).toBeGreaterThanOrEqual(4);
        expect(c).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('runs the three methods on one seed, and every preset plans valid scenario parameters', () => {
    const plan = planHashing({ values: A, seed: 4, compare: false, valuesB: A });
    expect(flattenRuns(plan.runs).map((r) => [r.params.method, r.seed])).toEqual(methods.map((m) => [m.method, 4]));
    const schema = paramSchema(consistentHashing.params);
    for (const preset of [undefined, ...hashingWidget.presets]) {
      const state = preset ? applyPreset(hashingSpecs, defaultState(hashingSpecs, 1), preset) : defaultState(hashingSpecs, 1);
      for (const r of flattenRuns(hashingWidget.plan(state).runs)) expect(() => schema.parse(r.params)).not.toThrow();
    }
  });

  it('all methods sample the same keys; adding a backend numbers it n + 1; ring hash never moves a key needlessly, modulo moves most', () => {
    const [side] = viewOf(small).sides;
    expect(side.changed).toBe(small.backends + 1);
    const keys = side.methods.map((m) => m.sample.map((k) => k.key));
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    const [modulo, ring] = side.methods;
    // Ring hash never moves a key between two backends that both stay: a key only moves to the point the new backend took.
    expect(fateCounts(side, ring.sample).needless).toBe(0);
    expect(ring.excessMovedFraction).toBe(0);
    expect(modulo.movedFraction).toBeGreaterThan(0.5);
    for (const m of side.methods) for (const k of m.sample) expect(k.from).toBeLessThanOrEqual(small.backends);
  });

  it('removing a backend: every key that leaves it is a required move, and nothing moves onto it', () => {
    const [side] = viewOf({ ...small, change: 'remove' }).sides;
    expect(side.changed).toBeGreaterThanOrEqual(1);
    expect(side.changed).toBeLessThanOrEqual(small.backends);
    for (const m of side.methods) {
      for (const k of m.sample) {
        expect(k.to).not.toBe(side.changed);
        if (k.from === side.changed) expect(keyFate(k, side.changed)).toBe('required');
      }
    }
  });

  it('draws one labelled cell per sampled key and method, and exports each key’s backends before and after', () => {
    const view = viewOf(small);
    const figures = hashingFigures(view);
    expect(figures.map((f) => f.id)).toEqual(['key-moves', 'moved-fraction', 'key-balance']);
    const grid = figures[0];
    if (grid.kind !== 'custom') throw new Error('key-moves is a custom figure');
    const svg = renderToString(grid.draw({ width: 640, titleId: 't', summaryId: 's' }));
    expect(svg).toMatch(/^<svg data-chart="key-moves" role="img" aria-labelledby="t s"/);
    const sample = view.sides[0].methods[0].sample.length;
    expect(svg.match(/data-fate="/g)).toHaveLength(methods.length * sample);
    expect(grid.rows).toHaveLength(methods.length * sample * 2);
    const moved = view.sides[0].methods[0].sample.filter((k) => k.from !== k.to).length;
    expect(svg).toContain(`Hash mod n: ${moved} of ${sample} keys moved`);
    expect(grid.summary).toMatch(/Of these \d+ keys, Hash mod n moved \d+/);
  });
});
