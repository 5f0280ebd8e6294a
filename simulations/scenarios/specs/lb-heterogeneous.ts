import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ActiveHealthCheckOptions } from '../../../src/resilience/health/index.ts';
import { balancerLabels, keylessBalancerNames } from '../../../src/resilience/load-balancing/index.ts';
import { balancedCallCountsDoc } from '../../models/balanced-call-counts.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { LbHeterogeneousResult } from '../lb-heterogeneous.ts';

/** The balancers that spread requests without a key; the hashing ones keep keys in place instead (see consistent-hashing). */
export const heterogeneousAlgorithms = keylessBalancerNames;

export type HeterogeneousAlgorithm = (typeof heterogeneousAlgorithms)[number];

const faultKinds = ['none', 'slow', 'errors', 'fail-fast', 'hang'] as const;

export type FaultKind = (typeof faultKinds)[number];

/** The 'errors' fault fails this share of the faulty backend's requests. */
export const ERROR_FAULT_PROBABILITY = 0.5;

/** The 'slow' fault makes the faulty backend's work take this many times longer. */
export const SLOW_FAULT_FACTOR = 10;

/** Active health checking, when on: fixed settings, close to common production ones. */
export const heterogeneousHealthCheck: ActiveHealthCheckOptions = {
  intervalMs: 1000,
  timeoutMs: 500,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
  intervalJitterMs: 100,
  initialJitterMs: 1000,
};

const params = {
  algorithm: enumParam({
    label: 'Algorithm',
    default: 'round-robin',
    options: heterogeneousAlgorithms,
    optionLabels: Object.fromEntries(heterogeneousAlgorithms.map((a) => [a, balancerLabels[a]])),
    help: 'The weighted ones weight each backend by its speed.',
  }),
  backends: intParam({ label: 'Backends', default: 6, min: 3, max: 20, help: 'A third fast, a third normal, a third slow.' }),
  speedRatio: numberParam({ label: 'Speed ratio', default: 2, min: 1, max: 4, step: 0.1, help: 'Fast backends serve this many times faster than normal ones, slow ones this many times slower.' }),
  utilization: numberParam({ label: 'Load', default: 0.7, min: 0.1, max: 0.95, step: 0.01, help: 'Offered requests as a fraction of the cluster’s total capacity.' }),
  fault: enumParam({
    label: 'Fault',
    default: 'slow',
    options: faultKinds,
    optionLabels: {
      none: 'none',
      slow: `${SLOW_FAULT_FACTOR}× slower`,
      errors: `fails ${ERROR_FAULT_PROBABILITY * 100}% of requests`,
      'fail-fast': 'refuses every request at once',
      hang: 'accepts requests and never answers',
    },
    help: 'What happens to the first fast backend during the fault window.',
  }),
  faultStart: intParam({ label: 'Fault start', unit: 's', default: 20, min: 0, max: 120 }),
  faultDuration: intParam({ label: 'Fault length', unit: 's', default: 20, min: 0, max: 120 }),
  duration: intParam({ label: 'Run length', unit: 's', default: 60, min: 10, max: 120, step: 10 }),
  timeout: intParam({ label: 'Request timeout', unit: 'ms', default: 1000, min: 100, max: 10_000, step: 100, scale: 'log' }),
  healthChecks: booleanParam({
    label: 'Active health checks',
    default: false,
    help: `Probe every backend each ${heterogeneousHealthCheck.intervalMs} ms (+ up to ${heterogeneousHealthCheck.intervalJitterMs} ms jitter), timeout ${heterogeneousHealthCheck.timeoutMs} ms; out after ${heterogeneousHealthCheck.unhealthyThreshold} failures in a row, back after ${heterogeneousHealthCheck.healthyThreshold} passes.`,
  }),
  outlierDetection: booleanParam({
    label: 'Outlier detection',
    default: false,
    help: 'Eject a backend after 5 errors in a row, or a success rate below mean − 1.9 stdev; 10 s ejections, growing with each repeat; at most half the backends out.',
  }),
};

/** The `lb-heterogeneous` scenario without its run code (`../lb-heterogeneous.ts`): what a page needs to build its runs. */
export const lbHeterogeneousSpec: ScenarioSpec<typeof params, LbHeterogeneousResult> = {
  name: 'lb-heterogeneous',
  title: 'Balancing over uneven backends',
  description:
    'Fast, normal and slow backends, one of which degrades or fails for a while; compare balancing algorithms, with or without health checks and outlier detection, on the same traffic.',
  params,
  summaryDoc: {
    latencyP50: 'median time of the requests that succeeded, ms',
    latencyP99: '99th percentile time of the requests that succeeded, ms',
    errorRate: 'fraction of requests that did not succeed (failed, timed out, shed or rejected)',
    fastShare: 'share of the requests sent to the fast backends',
    normalShare: 'share of the requests sent to the normal backends',
    slowShare: 'share of the requests sent to the slow backends',
    faultyShare: 'share of the requests sent during the fault window that went to the faulty backend (0 when there is no fault)',
    faultyFairShare: "the faulty backend's share of the capacity when healthy: its speed / the sum of speeds",
    removals: 'times a backend was taken out of rotation (failed health checks or ejected)',
    ...balancedCallCountsDoc,
  },
};
