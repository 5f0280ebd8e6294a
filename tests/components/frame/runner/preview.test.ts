import { describe, expect, it } from 'vitest';
import type { ParamSpecs } from '../../../../src/params/params.ts';
import type { WidgetDefinition } from '../../../../src/components/frame/widget-definition.ts';
import { flattenRuns, runKey } from '../../../../src/components/frame/runner/run.ts';
import { firstSeedOnly } from '../../../../src/components/frame/runner/preview.ts';
import { defaultState } from '../../../../src/components/frame/url/widget-state.ts';
import { jitterWidget } from '../../../../src/components/retry/jitter/jitter-widget.ts';
import { binsWidget } from '../../../../src/components/load-balancing/bins/bins-widget.ts';

describe('preview plans', () => {
  it('firstSeedOnly sets the seed count to 1 on both sides and keeps everything else', () => {
    const s = { ...defaultState(jitterWidget.specs, 4), compare: true };
    const b = { ...s, valuesB: { ...s.valuesB, clients: 200 } };
    const one = firstSeedOnly(b, 'runs');
    expect(one.values).toEqual({ ...b.values, runs: 1 });
    expect(one.valuesB).toEqual({ ...b.valuesB, runs: 1 });
    expect([one.seed, one.compare]).toEqual([4, true]);
  });

  it('jitter: the preview runs the first seed of every average, all among the full plan\'s runs', () => {
    expectPreviewWithinPlan(jitterWidget);
  });

  it('bins: the preview runs the first seed of every average, all among the full plan\'s runs', () => {
    expectPreviewWithinPlan(binsWidget);
  });
});

/** The preview's runs are fewer than the full plan's and all among them, so the full plan reuses them from the cache. */
function expectPreviewWithinPlan<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(w: WidgetDefinition<S, T, M, V, VS>): void {
  const state = { ...defaultState(w.specs, w.defaultSeed), compare: true };
  const full = new Set(flattenRuns(w.plan(state).runs).map(runKey));
  const preview = flattenRuns(w.preview!(state).runs).map(runKey);
  expect(preview.length).toBeGreaterThan(0);
  expect(preview.length).toBeLessThan(full.size);
  expect(preview.filter((k) => !full.has(k))).toEqual([]);
}
