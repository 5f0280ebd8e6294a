import type { ParamSpecs, ParamValues } from '../src/params/params.ts';

/**
 * A run's headline numbers, flat so that `--runs K` can average them and the
 * CLI can print them as JSON. Booleans (e.g. `recovered`) become the fraction
 * of runs in which they held when several runs are averaged.
 */
export type Summary = Record<string, number | boolean>;

export interface RunOptions {
  /** Called now and then with the fraction of the run done, for progress bars. */
  onProgress?: (fraction: number) => void;
}

/** Everything a scenario's run returns; scenarios add their own series. */
export interface ScenarioResult {
  readonly summary: Summary;
}

/**
 * One experiment: a parameter declaration and a deterministic run. Same
 * params + same seed gives the same result, byte for byte, in Node and in
 * the browser: `run` reads no clock and no global randomness.
 */
export interface Scenario<S extends ParamSpecs = ParamSpecs, R extends ScenarioResult = ScenarioResult> {
  /** CLI and URL name, kebab-case. */
  readonly name: string;
  readonly title: string;
  /** One or two sentences: what the scenario models. */
  readonly description: string;
  readonly params: S;
  /** What each summary key means, with its unit; shown by `npm run sim -- --list`. */
  readonly summaryDoc: Readonly<Record<string, string>>;
  run(params: ParamValues<S>, seed: number, options?: RunOptions): R;
}

/** Helps inference: `defineScenario({...})` keeps the literal param types. */
export function defineScenario<S extends ParamSpecs, R extends ScenarioResult>(s: Scenario<S, R>): Scenario<S, R> {
  return s;
}
