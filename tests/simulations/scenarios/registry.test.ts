import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues, kebabCase, paramSchema } from '../../../src/params/params.ts';
import { getScenario, scenarioNames, scenarios, type ScenarioRegistry } from '../../../simulations/scenarios/index.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

// Viewed as the CLI sees it: any scenario, any parameters.
const all = Object.entries(scenarios as ScenarioRegistry);

describe('scenario registry', () => {
  it('has the scenarios of this issue', () => {
    expect(scenarioNames).toEqual(expect.arrayContaining(['jitter-contention', 'retry-amplification', 'retry-budget']));
  });

  it.each(all)('%s is registered under its own kebab-case name and found by getScenario', (key, s) => {
    expect(s.name).toBe(key);
    expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(getScenario(key)).toBe(s);
  });

  it('getScenario knows nothing else, not even Object.prototype names', () => {
    for (const name of ['nope', '', 'toString', 'constructor', '__proto__', 'Jitter-Contention']) expect(getScenario(name)).toBeUndefined();
  });

  it.each(all)('%s: title, description, labelled parameters with URL-safe flags, and valid defaults', (_, s) => {
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(20);
    for (const [k, p] of Object.entries(s.params)) {
      expect(p.label.length, k).toBeGreaterThan(0);
      expect(kebabCase(k)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(paramSchema(s.params).safeParse(defaultValues(s.params)).success).toBe(true);
  });

  it.each(all)('%s: summaryDoc documents exactly the keys of the summary, and every value is a finite number or a boolean', (name, s) => {
    fc.assert(
      fc.property(paramsArbitrary(s.params, smallRunBounds[name]), fc.nat(), (p, seed) => {
        const { summary } = s.run(p, seed);
        expect(Object.keys(summary).sort()).toEqual(Object.keys(s.summaryDoc).sort());
        for (const [k, v] of Object.entries(summary)) expect(typeof v === 'boolean' || Number.isFinite(v), `${k} = ${v}`).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
