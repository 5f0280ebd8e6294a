import type { Scenario } from '../../../simulations/scenario.ts';
import type { ScenarioLookup } from './run-request.ts';

/**
 * A lookup over the scenarios a widget imports itself: the main thread bundles
 * only those, while the worker uses the whole registry.
 */
export function scenarioLookup(scenarios: readonly Scenario[]): ScenarioLookup {
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  return (name) => {
    const s = byName.get(name);
    if (!s) throw new Error(`unknown scenario "${name}"`);
    return s;
  };
}
