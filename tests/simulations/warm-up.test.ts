import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/params/params.ts';
import type { Scenario } from '../../simulations/scenario.ts';
import { scenarios } from '../../simulations/scenarios/index.ts';

/**
 * A scenario's warm-up run (`Scenario.warmUp`) is made on a page's main
 * thread in idle tasks, to compile its code before a slider's run: it must
 * be a valid run of the same scenario, a quarter the size of the
 * run it stands for, counted in requests simulated (not timed: a test on
 * the clock would be flaky, and the size is what the warm-up promises).
 */
// As the page's runner sees them: any scenario, its params and summary untyped.
const withWarmUp = Object.values(scenarios as Record<string, Scenario>).filter((s) => s.warmUp);

describe('warm-up runs', () => {
  it('exist for the scenarios whose first run in a browser is the slowest', () => {
    expect(withWarmUp.map((s) => s.name).sort()).toEqual(['cascading-failure', 'chaos-experiment', 'health-detection', 'retry-storm', 'supermarket']);
  });

  for (const s of withWarmUp) {
    it(`${s.name}: at the defaults, valid runs with at most 30% of the requests, taking the same paths`, () => {
      const params = defaultValues(s.params);
      const full = s.run(params, 1).summary;
      // As a page makes them: six, on the seeds from the run's own on.
      const small = Array.from({ length: 6 }, (_, i) => s.run(s.warmUp!(params), 1 + i).summary);
      expect(typeof full.requests).toBe('number');
      for (const w of small) {
        expect(w.requests as number).toBeGreaterThan(0);
        expect((w.requests as number) / (full.requests as number)).toBeLessThanOrEqual(0.3);
      }
      // The same kinds of outcome happen in them: a warm-up that never fails compiles nothing of the failure paths.
      for (const k of ['failed', 'timedOut', 'rejected', 'shed'] as const) {
        if (typeof full[k] === 'number' && (full[k] as number) > 0) expect(Math.max(...small.map((w) => w[k] as number)), k).toBeGreaterThan(0);
      }
    });
  }
});
