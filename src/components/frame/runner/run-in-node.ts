import { getScenario } from '../../../../simulations/scenarios/index.ts';
import { executeRunsWith, type ResultsOf } from './run.ts';

/**
 * Runs a plan's runs at once, on this thread, with every scenario's code at
 * hand: the full registry. For Node only (tests, debriefs, benchmarks): the
 * browser never imports this file (tests/architecture/browser-imports.test.ts),
 * since a page loads each scenario's run code only when it runs it
 * (`scenario-code.ts`).
 */
export function executeRuns<T>(runs: T): ResultsOf<T> {
  return executeRunsWith(runs, getScenario);
}
