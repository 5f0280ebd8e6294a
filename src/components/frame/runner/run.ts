import type { ParamSpecs, ParamValues } from '../../../params/params.ts';
import type { RunOptions, Scenario, ScenarioResult, ScenarioSpec } from '../../../../simulations/scenario.ts';

/**
 * One scenario run a widget needs. It carries the scenario's spec (not its
 * run code: a page loads that only to run it, see `scenario-code.ts`), so
 * the run's result reaches the reducer with that scenario's own result type.
 * Whoever runs it finds the run code by the scenario's name; the worker,
 * which cannot be sent objects with functions, is sent only the name (see
 * `toWire`).
 */
export class Run<R extends ScenarioResult = ScenarioResult> {
  constructor(
    readonly scenario: ScenarioSpec<ParamSpecs, R>,
    readonly params: ParamValues<ParamSpecs>,
    readonly seed: number,
    /** Rough size of the run in the scenario's own units (simulated requests or messages), used only to guess how long it takes. */
    readonly cost: number,
  ) {}
}

/**
 * A run of `scenario` with `params` on `seed`: the params are checked
 * against the scenario's own declaration here, where the plan builds them.
 */
export function run<S extends ParamSpecs, R extends ScenarioResult>(scenario: ScenarioSpec<S, R>, params: ParamValues<S>, seed: number, cost: number): Run<R> {
  return new Run<R>(scenario, params, seed, cost);
}

/**
 * The runs of a plan, in whatever shape reads best for its reducer: one run,
 * a list (per side, per seed, per point of a sweep), or a record when a plan
 * mixes scenarios, nested as deep as needed. Records may be interfaces,
 * which this type (a bound for code over any widget, `T extends Runs`) does
 * not admit: they have no implicit index signature; the frame itself takes
 * any shape and checks it when it walks the runs.
 */
export type Runs = Run | readonly Runs[] | { readonly [key: string]: Runs };

/** The results of runs, in the same shape, each typed by its own scenario. */
export type ResultsOf<T> = T extends Run<infer R> ? R : { -readonly [K in keyof T]: ResultsOf<T[K]> };

/** What the worker is sent for one run: the scenario by name, since functions cannot cross. */
export interface WireRun {
  readonly scenario: string;
  readonly params: ParamValues<ParamSpecs>;
  readonly seed: number;
}

export function toWire(r: Run): WireRun {
  return { scenario: r.scenario.name, params: r.params, seed: r.seed };
}

/**
 * Each run's key, made once: a slider move looks up a plan's runs several
 * times (the cache, the main thread's estimate, the worker's stages, each
 * part shown), and a key is the JSON of the run's parameters. Kept beside
 * the run rather than on it, so that a run stays a plain value to compare.
 */
const keys = new WeakMap<Run, string>();

/** Identity of a run: same key, same result, byte for byte (the simulator is deterministic). */
export function runKey(r: Run | WireRun): string {
  if (!(r instanceof Run)) return keyOf(r.scenario, r.seed, r.params);
  let key = keys.get(r);
  if (key === undefined) keys.set(r, (key = keyOf(r.scenario.name, r.seed, r.params)));
  return key;
}

function keyOf(scenario: string, seed: number, params: ParamValues<ParamSpecs>): string {
  return JSON.stringify([scenario, seed, params]);
}

function children(node: unknown): readonly unknown[] {
  if (Array.isArray(node)) return node;
  if (typeof node === 'object' && node !== null) return Object.values(node);
  throw new Error(`a plan's runs are runs, lists or records of runs; found ${String(node)}`);
}

function flatten(node: unknown): Run[] {
  return node instanceof Run ? [node] : children(node).flatMap(flatten);
}

/** Every run of a tree, depth first, in the order of its lists and records. */
export function flattenRuns<T>(runs: T): Run[] {
  return flatten(runs);
}

/** Puts results, in `flattenRuns` order, back into the shape of the runs they came from. */
export function shapeResults<T>(runs: T, results: readonly ScenarioResult[]): ResultsOf<T> {
  const expected = flatten(runs).length;
  if (results.length !== expected) throw new Error(`expected ${expected} results, got ${results.length}`);
  let at = 0;
  const shape = (node: unknown): unknown => {
    if (node instanceof Run) return results[at++];
    if (Array.isArray(node)) return node.map(shape);
    // flatten() has checked the tree: anything else here is a record of runs.
    return Object.fromEntries(Object.entries(node ?? {}).map(([k, v]) => [k, shape(v)]));
  };
  // The one place results meet their types: results[i] was computed by the
  // i-th run's own scenario (here, in the worker under its name, or in the
  // cache under its run key, which names it), so it has that scenario's type.
  return shape(runs) as ResultsOf<T>;
}

/** A scenario's run code by name, if it is at hand on this thread (loaded); undefined otherwise. */
export type FindScenario = (name: string) => Scenario | undefined;

/** Whether a spec is a whole scenario, run code included (as in tests and Node programs, which build runs from scenarios). */
function carriesCode(s: ScenarioSpec): s is Scenario {
  return 'run' in s && typeof s.run === 'function';
}

/** The run code of a run's scenario: the one it carries, else the one `find` has loaded; undefined when neither. */
export function runCode(r: Run, find: FindScenario): Scenario | undefined {
  return carriesCode(r.scenario) ? r.scenario : find(r.scenario.name);
}

function notLoaded(name: string): Error {
  return new Error(`scenario "${name}" is not in the registry (simulations/scenarios/index.ts), or its run code is not loaded here`);
}

/**
 * Runs one run the worker was sent: its scenario found by name, progress
 * within the run in [0, 1] as the scenario reports it.
 */
export function executeWireRun(find: FindScenario, r: WireRun, onProgress: (fraction: number) => void): ScenarioResult {
  const scenario = find(r.scenario);
  if (!scenario) throw notLoaded(r.scenario);
  return scenario.run(r.params, r.seed, { onProgress: (f) => onProgress(Math.min(1, Math.max(0, f))) });
}

/** Runs one run on this thread, with its scenario's code as `find` has it. */
export function executeRun(r: Run, find: FindScenario, options?: RunOptions): ScenarioResult {
  const scenario = runCode(r, find);
  if (!scenario) throw notLoaded(r.scenario.name);
  return scenario.run(r.params, r.seed, options);
}

/** Runs a whole plan's runs here and shapes the results: the build-time default, and tests (`run-in-node.ts`). */
export function executeRunsWith<T>(runs: T, find: FindScenario): ResultsOf<T> {
  return shapeResults(
    runs,
    flatten(runs).map((r) => executeRun(r, find)),
  );
}
