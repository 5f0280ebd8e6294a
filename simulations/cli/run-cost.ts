import { paramSchema, type ParamSpecs, type ParamValues } from '../../src/params/params.ts';
import type { Scenario, ScenarioResult } from '../scenario.ts';
import { ballsIntoBins } from '../scenarios/balls-into-bins.ts';
import { breakerOutage } from '../scenarios/breaker-outage.ts';
import { cascadingFailure } from '../scenarios/cascading-failure.ts';
import { consistentHashing } from '../scenarios/consistent-hashing.ts';
import { healthDetection } from '../scenarios/health-detection.ts';
import { jitterContention } from '../scenarios/jitter-contention.ts';
import { lbHeterogeneous } from '../scenarios/lb-heterogeneous.ts';
import { queueScenario } from '../scenarios/queue.ts';
import { expectedAmplification, retryAmplification } from '../scenarios/retry-amplification.ts';
import { retryBudget } from '../scenarios/retry-budget.ts';
import { retryStorm } from '../scenarios/retry-storm.ts';
import { supermarket } from '../scenarios/supermarket.ts';
import { failover } from '../scenarios/failover.ts';
import { hedgingScenario } from '../scenarios/hedging.ts';
import { availabilityScenario } from '../scenarios/availability.ts';
import { faultInjection } from '../scenarios/fault-injection.ts';
import { chaosExperiment } from '../scenarios/chaos-experiment.ts';
import { cellParams, metastability } from '../scenarios/metastability.ts';
import { metastabilityCell } from '../scenarios/metastability-cell.ts';

/**
 * How long one run of a scenario takes, estimated from its parameters
 * before it starts, so the CLI can refuse a run that would take hours and
 * show progress for one that takes more than a few seconds.
 *
 * Each estimate is (units of work the parameters imply) × (time per unit).
 * The units follow the scenario's own loop (requests × attempts, simulated
 * seconds × events per second, ...); the time per unit is the slowest seen
 * over the defaults and a few large settings on the reference machine (2
 * cores, Node 20), by `npx tsx simulations/cli/calibrate-run-cost.ts`. An
 * estimate is meant to be right within a factor of a few: enough to tell
 * seconds from hours.
 */
export type RunCostEstimator = (params: ParamValues<ParamSpecs>) => number;

/**
 * An estimator typed by the scenario's own parameters. `secondsPerUnit` is
 * the calibration; `units` the work the parameters imply.
 */
export function costOf<S extends ParamSpecs, R extends ScenarioResult>(
  scenario: Scenario<S, R>,
  secondsPerUnit: number,
  units: (p: ParamValues<S>) => number,
): RunCostEstimator {
  const schema = paramSchema(scenario.params);
  return (params) => secondsPerUnit * units(schema.parse(params));
}

const ns = 1e-9;

/** One estimator per scenario of the registry, by scenario name. */
export const runCosts: Readonly<Record<string, RunCostEstimator>> = {
  // Every client retries until its write lands: about clients² attempts at worst.
  'jitter-contention': costOf(jitterContention, 200 * ns, (p) => p.clients * p.clients),
  // Every call at every tier, as the closed form counts them.
  'retry-amplification': costOf(
    retryAmplification,
    25 * ns,
    (p) => p.requests * expectedAmplification(p.layers, p.retries, p.failureRate).byLayer.reduce((a, b) => a + b, 0),
  ),
  'retry-budget': costOf(retryBudget, 400 * ns, (p) => p.clients * p.rate * p.duration * (1 + p.retries)),
  'retry-storm': costOf(
    retryStorm,
    2500 * ns,
    (p) => (p.baseRate * p.duration + (p.spikeRate - p.baseRate) * Math.min(p.spikeDuration, p.duration)) * (1 + p.retries),
  ),
  queue: costOf(queueScenario, 1800 * ns, (p) => p.requests),
  'breaker-outage': costOf(breakerOutage, 3500 * ns, (p) => p.rate * p.duration * (1 + p.retries)),
  'cascading-failure': costOf(cascadingFailure, 2500 * ns, (p) => p.rate * p.duration),
  'balls-into-bins': costOf(ballsIntoBins, 200 * ns, (p) => p.requests * p.choices + p.backends),
  supermarket: costOf(supermarket, 1500 * ns, (p) => p.requests * (p.choices === 'all' ? p.backends : Number(p.choices))),
  // Requests offered at `utilization` of the capacity (4 workers at 50 ms a request per normal backend).
  'lb-heterogeneous': costOf(lbHeterogeneous, 5000 * ns, (p) => p.utilization * p.backends * 80 * p.duration),
  'consistent-hashing': costOf(
    consistentHashing,
    1000 * ns,
    (p) => 2 * p.keys + (p.method === 'maglev' ? 2 * p.maglevTableSize : p.method === 'ring-hash' ? 3 * p.backends * p.ringPoints : 0),
  ),
  // Each failure is followed for tens of simulated seconds, with traffic and checks going on.
  'health-detection': costOf(healthDetection, 1000 * ns, (p) => p.failures * 60 * (p.rate + (p.backends * 1000) / p.interval)),
  // Requests, and health checks of every host.
  failover: costOf(failover, 5000 * ns, (p) => p.rate * p.duration + (p.mode === 'priority' ? p.levels * p.hostsPerLevel : p.levels) * ((p.duration * 1000) / p.interval)),
  hedging: costOf(hedgingScenario, 2000 * ns, (p) => p.requests * p.maxAttempts),
  // Calls one after another, at most three attempts each.
  'fault-injection': costOf(faultInjection, 5000 * ns, (p) => p.calls * 3),
  // Edge requests × three hops × the attempts retries may add.
  'chaos-experiment': costOf(chaosExperiment, 3000 * ns, (p) => p.rate * p.duration * 3 * (p.retries ? 3 : 1)),
  // gridSize² retry-storm runs, each at most as costly as the largest, longest trigger's (looked up when called, so defined below is fine).
  metastability: costOf(metastability, 1, (p) => p.gridSize * p.gridSize * runCosts['retry-storm'](cellParams(p, Math.max(p.minSpike, p.maxSpike), p.maxSpikeDuration))),
  // One retry-storm run: the cell's.
  'metastability-cell': costOf(metastabilityCell, 1, (p) => runCosts['retry-storm'](cellParams(p, p.spikeRate, p.spikeDuration))),
  // Replica failures (capped at 200 000 by the scenario) and 10 000 probes.
  availability: costOf(availabilityScenario, 1500 * ns, (p) => Math.min(200_000, (p.replicas * p.years * 8766) / (p.mtbf + p.mttr / 60)) + 10_000),
};

/** Seconds `runs` runs are estimated to take, or undefined for a scenario with no estimator. */
export function estimateSeconds(
  costs: Readonly<Record<string, RunCostEstimator>>,
  scenario: string,
  params: ParamValues<ParamSpecs>,
  runs: number,
): number | undefined {
  const estimate = Object.hasOwn(costs, scenario) ? costs[scenario] : undefined;
  return estimate && runs * estimate(params);
}
