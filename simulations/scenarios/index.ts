import type { Scenario } from '../scenario.ts';
import { ballsIntoBins } from './balls-into-bins.ts';
import { breakerOutage } from './breaker-outage.ts';
import { cascadingFailure } from './cascading-failure.ts';
import { chaosExperiment } from './chaos-experiment.ts';
import { consistentHashing } from './consistent-hashing.ts';
import { faultInjection } from './fault-injection.ts';
import { healthDetection } from './health-detection.ts';
import { jitterContention } from './jitter-contention.ts';
import { lbHeterogeneous } from './lb-heterogeneous.ts';
import { metastability } from './metastability.ts';
import { metastabilityCell } from './metastability-cell.ts';
import { queueScenario } from './queue.ts';
import { retryAmplification } from './retry-amplification.ts';
import { retryBudget } from './retry-budget.ts';
import { retryStorm } from './retry-storm.ts';
import { supermarket } from './supermarket.ts';
import { failover } from './failover.ts';
import { hedgingScenario } from './hedging.ts';
import { availabilityScenario } from './availability.ts';

/** Every scenario with the name it has in the CLI and in URLs. */
export type ScenarioRegistry = Readonly<Record<string, Scenario>>;

/**
 * The registry: one import and one entry per scenario, keyed by its name.
 * Static imports on purpose: the browser bundles this file as it is (a
 * widget that needs one scenario imports that scenario's file directly).
 */
export const scenarios = {
  'jitter-contention': jitterContention,
  'retry-amplification': retryAmplification,
  'retry-budget': retryBudget,
  'retry-storm': retryStorm,
  queue: queueScenario,
  'breaker-outage': breakerOutage,
  'cascading-failure': cascadingFailure,
  'balls-into-bins': ballsIntoBins,
  supermarket,
  'lb-heterogeneous': lbHeterogeneous,
  'consistent-hashing': consistentHashing,
  'health-detection': healthDetection,
  failover,
  hedging: hedgingScenario,
  availability: availabilityScenario,
  'chaos-experiment': chaosExperiment,
  metastability,
  'metastability-cell': metastabilityCell,
  'fault-injection': faultInjection,
} satisfies ScenarioRegistry;

export type ScenarioName = keyof typeof scenarios;

export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

/** The scenario called `name`, or undefined. */
export function getScenario(name: string): Scenario | undefined {
  return Object.hasOwn(scenarios, name) ? (scenarios as ScenarioRegistry)[name] : undefined;
}
