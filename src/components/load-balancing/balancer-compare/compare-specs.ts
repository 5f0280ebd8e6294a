import { enumParam } from '../../../params/params.ts';
import { heterogeneousAlgorithms, lbHeterogeneousSpec, type HeterogeneousAlgorithm } from '../../../../simulations/scenarios/specs/lb-heterogeneous.ts';
import { balancerLabels } from '../../../../src/resilience/load-balancing/index.ts';

const p = lbHeterogeneousSpec.params;

/**
 * Two algorithms on the same traffic: the scenario's `algorithm`, and
 * `versus`, run with every other setting equal and on the same seed. The
 * fault's timing and the run's length stay at the scenario's defaults (a
 * minute, the fault from 20 s to 40 s): enough to see a backend leave the
 * rotation and come back, and the default stays cheap to render.
 */
export const compareSpecs = {
  algorithm: { ...p.algorithm, label: 'Algorithm' },
  versus: enumParam({
    label: 'Against',
    default: 'least-request',
    options: heterogeneousAlgorithms,
    optionLabels: Object.fromEntries(heterogeneousAlgorithms.map((a) => [a, balancerLabels[a]])),
    help: 'The second algorithm, on the very same arrivals and service times.',
  }),
  fault: p.fault,
  healthChecks: p.healthChecks,
  outlierDetection: p.outlierDetection,
  utilization: p.utilization,
  speedRatio: p.speedRatio,
  backends: p.backends,
  timeout: p.timeout,
};

export type CompareSpecs = typeof compareSpecs;

/** Names short enough for a bar chart's category labels on a phone; the controls keep the library's full labels. */
export const shortLabels: Readonly<Record<HeterogeneousAlgorithm, string>> = {
  'round-robin': 'Round robin',
  'smooth-weighted-round-robin': 'Weighted round robin',
  random: 'Random',
  'weighted-random': 'Weighted random',
  'least-outstanding': 'Least outstanding',
  'least-request': 'Least request (P2C)',
  'peak-ewma': 'Peak EWMA',
};
