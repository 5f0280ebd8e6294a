import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/params/params.ts';
import { scenarios, type ScenarioRegistry } from '../../simulations/scenarios/index.ts';
import { paramsArbitrary, smallRunBounds } from './small-params.ts';

describe('determinism', () => {
  for (const [name, scenario] of Object.entries(scenarios as ScenarioRegistry)) {
    it(`${name}: same params and seed give the same JSON, byte for byte, whatever ran in between`, () => {
      const params = paramsArbitrary(scenario.params, smallRunBounds[name]);
      fc.assert(
        fc.property(params, params, fc.nat(), fc.nat(), (p, other, seed, otherSeed) => {
          const first = JSON.stringify(scenario.run(p, seed));
          // A run in between would show up any state leaking from one run into the next.
          scenario.run(other, otherSeed);
          expect(JSON.stringify(scenario.run(p, seed))).toBe(first);
        }),
        { numRuns: 50 },
      );
    });

    it(`${name}: the default run survives JSON unchanged (no NaN, Infinity, undefined or typed arrays), as a Worker message or a cached SVG needs`, () => {
      const result = scenario.run(defaultValues(scenario.params), 1);
      expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    });
  }
});
