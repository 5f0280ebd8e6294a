import type { Scenario, ScenarioResult } from '../../../simulations/scenario.ts';

/** One scenario run a widget needs: what the worker is sent, and what results are cached by. */
export interface RunRequest {
  /** The scenario's registry name, e.g. `retry-storm`. */
  readonly scenario: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /**
   * Rough size of the run in the scenario's own units (simulated requests or
   * messages), used only to guess how long it will take.
   */
  readonly cost: number;
}

export type ScenarioLookup = (name: string) => Scenario;

/** Identity of a run: same key, same result, byte for byte (the simulator is deterministic). */
export function runKey(r: RunRequest): string {
  return JSON.stringify([r.scenario, r.seed, r.params]);
}

/**
 * Runs each request in turn, reporting overall progress in [0, 1]. This is
 * the one code path for results: the main thread and the worker both call it.
 */
export function executeRuns(lookup: ScenarioLookup, runs: readonly RunRequest[], onProgress?: (fraction: number) => void): ScenarioResult[] {
  const out: ScenarioResult[] = [];
  runs.forEach((r, i) => {
    const scenario = lookup(r.scenario);
    const onRunProgress = onProgress ? (f: number) => onProgress((i + Math.min(1, Math.max(0, f))) / runs.length) : undefined;
    // Params come from a widget's own declarations, checked against the scenario's when the plan is built.
    out.push(scenario.run(r.params as Parameters<typeof scenario.run>[0], r.seed, { onProgress: onRunProgress }));
    onProgress?.((i + 1) / runs.length);
  });
  return out;
}
