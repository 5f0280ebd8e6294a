import { describe, expect, it } from 'vitest';
import * as simulations from '../../simulations/index.ts';

describe('simulations/index.ts, the public index of the layer', () => {
  it('exports every registered scenario under its own binding, as the same object', () => {
    const exported = new Set(Object.values(simulations));
    for (const s of Object.values(simulations.scenarios)) expect(exported.has(s), s.name).toBe(true);
  });

  it('exports the registry, batch runs and the parameter helpers', () => {
    expect(simulations.getScenario('jitter-contention')).toBe(simulations.jitterContention);
    expect(typeof simulations.runMany).toBe('function');
    expect(typeof simulations.parseParamStrict).toBe('function');
  });
});
