import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import { balancedCallCountsDoc } from '../../models/balanced-call-counts.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { HealthDetectionResult } from '../health-detection.ts';

const params = {
  interval: intParam({ label: 'Check interval', unit: 'ms', default: 1000, min: 100, max: 5000, step: 100, scale: 'log', help: 'Time between the starts of two checks of a backend.' }),
  timeout: intParam({ label: 'Check timeout', unit: 'ms', default: 500, min: 10, max: 5000, step: 10, scale: 'log', help: 'A check with no answer by then has failed.' }),
  healthyThreshold: intParam({ label: 'Healthy threshold', default: 2, min: 1, max: 10, help: 'Passed checks in a row that bring a backend back.' }),
  unhealthyThreshold: intParam({ label: 'Unhealthy threshold', default: 3, min: 1, max: 10, help: 'Failed checks in a row that take a backend out.' }),
  jitter: intParam({ label: 'Interval jitter', unit: 'ms', default: 100, min: 0, max: 2000, step: 10, help: 'Up to this much is added to each interval, at random.' }),
  failureMode: enumParam({
    label: 'Failure',
    default: 'hang',
    options: ['hang', 'refuse'],
    optionLabels: { hang: 'stops answering (checks time out)', refuse: 'refuses connections (checks fail at once)' },
    help: 'How the failing backend fails, for requests and checks alike.',
  }),
  outlierDetection: booleanParam({
    label: 'Outlier detection',
    default: false,
    help: 'Passive checks too: eject after 5 errors in a row, or a success rate below mean − 1.9 stdev; at most half the backends out.',
  }),
  flakyErrorRate: numberParam({
    label: 'Flaky backend error rate',
    default: 0.1,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'A second backend is healthy but fails this share of requests and checks: what a detector should leave alone.',
  }),
  backends: intParam({ label: 'Backends', default: 5, min: 3, max: 20 }),
  rate: intParam({ label: 'Traffic', unit: 'req/s', default: 100, min: 10, max: 200, step: 10, help: 'Requests per second over all backends (round robin over those in rotation).' }),
  failures: intParam({ label: 'Failures', default: 20, min: 1, max: 30, help: 'Failures simulated one after another, each at a random moment, for the spread of detection times.' }),
};

/** The `health-detection` scenario without its run code (`../health-detection.ts`): what a page needs to build its runs. */
export const healthDetectionSpec: ScenarioSpec<typeof params, HealthDetectionResult> = {
  name: 'health-detection',
  title: 'Health checks: time to detect a failure',
  description:
    'A backend fails at random moments; active health checks (interval, timeout, thresholds, jitter) and optionally outlier detection take it out of rotation. Detection time against its bound, errors served meanwhile, and false ejections of a flaky but healthy backend.',
  params,
  summaryDoc: {
    detectionTimeMean: 'mean time from a failure to the failing backend leaving the rotation, over the detected failures, ms',
    detectionTimeStdev: 'standard deviation of the detection time over the failures, ms',
    detectionTimeP95: '95th percentile of the detection time, ms',
    detectionTimeMax: 'longest detection time, ms',
    expectedDetectionTime:
      'theory, active checks alone: E[R] + (unhealthyThreshold − 1)·E[gap between failing checks] + (timeout when hanging, probe latency when refused), R the wait for the next check (interval/2 without jitter), ms',
    detectionBound: 'worst case for active checks: unhealthyThreshold × max(interval + jitter, timeout) + timeout, ms',
    detectedByChecks: 'failures first detected by active health checks',
    detectedByOutlierDetection: 'failures first detected by outlier detection',
    undetected: 'failures never detected while they lasted',
    errorsBeforeDetection: 'requests sent to the failing backend between its failure and its detection, per failure (all of them fail)',
    flakyRemovals: 'times the flaky but healthy backend was taken out of rotation: false ejections',
    flakyOutFraction: 'fraction of the run the flaky backend spent out of rotation',
    failures: 'failures simulated',
    ...balancedCallCountsDoc,
    timedOut: 'requests with no answer within the request timeout (1 s)',
    shed: 'requests turned away by a full queue (none: no backend queues here)',
  },
};
