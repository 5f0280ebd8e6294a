import type { Scenario } from '../../../../simulations/scenario.ts';
import type { ScenarioName } from '../../../../simulations/scenarios/index.ts';

/**
 * Where a thread finds scenarios' run code: `loaded` at once (undefined
 * while it is not loaded), `load` when it may wait.
 */
export interface ScenarioCode {
  loaded(name: string): Scenario | undefined;
  /** The scenario's run code, loaded once and then kept; rejects for a name that is no scenario. */
  load(name: string): Promise<Scenario>;
}

type Loaders = Readonly<Record<string, () => Promise<Scenario>>>;

/** Run code loaded on demand, each scenario once: a failed load (the network) is tried again on the next request. */
export class LazyScenarioCode implements ScenarioCode {
  private readonly code = new Map<string, Scenario>();
  private readonly pending = new Map<string, Promise<Scenario>>();

  constructor(private readonly loaders: Loaders) {}

  /** A function, not a method, so that it can be passed on as it is (`FindScenario` in `run.ts`). */
  readonly loaded = (name: string): Scenario | undefined => this.code.get(name);

  load(name: string): Promise<Scenario> {
    const have = this.code.get(name) ?? this.pending.get(name);
    if (have) return Promise.resolve(have);
    if (!Object.hasOwn(this.loaders, name)) return Promise.reject(new Error(`no scenario is called "${name}" (simulations/scenarios/index.ts lists them)`));
    const loading = this.loaders[name]().then(
      (scenario) => {
        this.pending.delete(name);
        if (scenario.name !== name) throw new Error(`the loader of scenario "${name}" gave "${scenario.name}"`);
        this.code.set(name, scenario);
        return scenario;
      },
      (err: unknown) => {
        this.pending.delete(name);
        throw err;
      },
    );
    this.pending.set(name, loading);
    return loading;
  }

  /** Starts loading the code of every scenario named, unless it is loaded; resolves when all are. */
  loadAll(names: Iterable<string>): Promise<void> {
    const missing = [...new Set(names)].filter((n) => !this.code.has(n));
    return missing.length === 0 ? Promise.resolve() : Promise.all(missing.map((n) => this.load(n))).then(() => undefined);
  }
}

/**
 * Each scenario's run code (the simulator and the cores it drives) as a
 * chunk of its own, imported when a page first needs it: a page's widgets
 * build their runs from specs (`simulations/scenarios/specs/`), so nothing
 * of this loads with the page. Typed against the registry's names: a
 * scenario added there and missing here fails the typecheck.
 */
const loaders = {
  'jitter-contention': () => import('../../../../simulations/scenarios/jitter-contention.ts').then((m) => m.jitterContention),
  'retry-amplification': () => import('../../../../simulations/scenarios/retry-amplification.ts').then((m) => m.retryAmplification),
  'retry-budget': () => import('../../../../simulations/scenarios/retry-budget.ts').then((m) => m.retryBudget),
  'retry-storm': () => import('../../../../simulations/scenarios/retry-storm.ts').then((m) => m.retryStorm),
  queue: () => import('../../../../simulations/scenarios/queue.ts').then((m) => m.queueScenario),
  'breaker-outage': () => import('../../../../simulations/scenarios/breaker-outage.ts').then((m) => m.breakerOutage),
  'cascading-failure': () => import('../../../../simulations/scenarios/cascading-failure.ts').then((m) => m.cascadingFailure),
  'balls-into-bins': () => import('../../../../simulations/scenarios/balls-into-bins.ts').then((m) => m.ballsIntoBins),
  supermarket: () => import('../../../../simulations/scenarios/supermarket.ts').then((m) => m.supermarket),
  'lb-heterogeneous': () => import('../../../../simulations/scenarios/lb-heterogeneous.ts').then((m) => m.lbHeterogeneous),
  'consistent-hashing': () => import('../../../../simulations/scenarios/consistent-hashing.ts').then((m) => m.consistentHashing),
  'health-detection': () => import('../../../../simulations/scenarios/health-detection.ts').then((m) => m.healthDetection),
  failover: () => import('../../../../simulations/scenarios/failover.ts').then((m) => m.failover),
  hedging: () => import('../../../../simulations/scenarios/hedging.ts').then((m) => m.hedgingScenario),
  availability: () => import('../../../../simulations/scenarios/availability.ts').then((m) => m.availabilityScenario),
  'chaos-experiment': () => import('../../../../simulations/scenarios/chaos-experiment.ts').then((m) => m.chaosExperiment),
  metastability: () => import('../../../../simulations/scenarios/metastability.ts').then((m) => m.metastability),
  'metastability-cell': () => import('../../../../simulations/scenarios/metastability-cell.ts').then((m) => m.metastabilityCell),
  'fault-injection': () => import('../../../../simulations/scenarios/fault-injection.ts').then((m) => m.faultInjection),
} satisfies Record<ScenarioName, () => Promise<Scenario>>;

/** This thread's run code: the page's, or the worker's. */
export const scenarioCode = new LazyScenarioCode(loaders);

// The server render computes every widget's default at build time, and
// synchronously (`useBuildTimeDefault`): there, every scenario's code is
// loaded before anything renders. The browser build drops this line. (Only
// Vite-built code may import this file: plain Node has no `import.meta.env`;
// Node programs run plans through `run-in-node.ts`.)
if (import.meta.env.SSR) await scenarioCode.loadAll(Object.keys(loaders));
