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

/** Type-only key of a spec's phantom result type: never set, it exists only for the type checker. */
declare const resultType: unique symbol;

/**
 * What a scenario is and takes, without its run code: name, texts and
 * parameters. Widgets' plans build their runs from specs, so a page loads a
 * scenario's run code (the simulator, the cores it drives) only when it runs
 * it. `R`, the type of the run's result, rides along as a phantom: `run()`
 * in a plan reads it from the spec, and the reducer gets results of that type.
 */
export interface ScenarioSpec<S extends ParamSpecs = ParamSpecs, R extends ScenarioResult = ScenarioResult> {
  /** CLI and URL name, kebab-case. */
  readonly name: string;
  readonly title: string;
  /** One or two sentences: what the scenario models. */
  readonly description: string;
  readonly params: S;
  /** What each summary key means, with its unit; shown by `npm run sim -- --list`. */
  readonly summaryDoc: Readonly<Record<string, string>>;
  /** Phantom: the type of the run's result. */
  readonly [resultType]?: R;
}

/**
 * One experiment: its spec and a deterministic run. Same params + same seed
 * gives the same result, byte for byte, in Node and in the browser: `run`
 * reads no clock and no global randomness.
 */
export interface Scenario<S extends ParamSpecs = ParamSpecs, R extends ScenarioResult = ScenarioResult> extends ScenarioSpec<S, R> {
  run(params: ParamValues<S>, seed: number, options?: RunOptions): R;
  /**
   * A run of the same kind a quarter the size or less (fewer requests; the
   * same faults, overloads and mechanisms on the same paths), for
   * scenarios whose first run on a thread is slow: once a reader has
   * turned to a widget and the page's worker has timed the scenario, the
   * browser's main thread makes a few of these, in idle time while the
   * worker has nothing to run, so that the scenario's code is
   * compiled before a slider's run is made there (a first, cold run takes
   * 5 to 15 times as long as a warm one; one at full size would block the
   * page).
   */
  warmUp?(params: ParamValues<S>): ParamValues<S>;
}

/** Helps inference: `defineScenario({ ...spec, run })` keeps the literal param types. */
export function defineScenario<S extends ParamSpecs, R extends ScenarioResult>(s: Scenario<S, R>): Scenario<S, R> {
  return s;
}
