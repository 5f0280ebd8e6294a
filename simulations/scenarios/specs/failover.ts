import { booleanParam, enumParam, intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { FailoverResult } from '../failover.ts';

const params = {
  mode: enumParam({
    label: 'Failover',
    default: 'active-passive',
    options: ['active-passive', 'priority'],
    optionLabels: { 'active-passive': 'active-passive with failback hold', priority: 'priority levels (Envoy)' },
    help: 'Active-passive: one host takes all traffic, failback after a hold. Priority: traffic spills from level to level with each level’s health × 1.4.',
  }),
  levels: intParam({ label: 'Levels', default: 2, min: 2, max: 4, help: 'Priority levels: the primary, then standbys in order.' }),
  hostsPerLevel: intParam({ label: 'Hosts per level', default: 1, min: 1, max: 5, help: 'Priority mode only (active-passive has one host per level).' }),
  failAt: intParam({ label: 'Primary fails at', unit: 's', default: 20, min: 1, max: 120 }),
  outage: intParam({ label: 'Outage', unit: 's', default: 20, min: 1, max: 120 }),
  outageKind: enumParam({
    label: 'Outage kind',
    default: 'hang',
    options: ['errors', 'hang', 'slow'],
    optionLabels: { errors: 'answers every request with an error', hang: 'stops answering (timeouts)', slow: 'answers 800 ms late' },
  }),
  interval: intParam({ label: 'Check interval', unit: 'ms', default: 1000, min: 100, max: 5000, step: 100, scale: 'log' }),
  timeout: intParam({ label: 'Check timeout', unit: 'ms', default: 500, min: 10, max: 5000, step: 10, scale: 'log' }),
  unhealthyThreshold: intParam({ label: 'Unhealthy threshold', default: 3, min: 1, max: 10, help: 'Failed checks in a row that mark a host unhealthy.' }),
  healthyThreshold: intParam({ label: 'Healthy threshold', default: 2, min: 1, max: 10, help: 'Passed checks in a row that mark it healthy again.' }),
  failbackHold: intParam({
    label: 'Failback hold',
    unit: 's',
    default: 10,
    min: 0,
    max: 120,
    help: 'Active-passive: the primary takes traffic back only after being healthy this long.',
  }),
  flapping: booleanParam({
    label: 'Flapping primary',
    default: false,
    help: 'During the outage the primary keeps recovering just long enough to pass its checks, then failing again.',
  }),
  duration: intParam({ label: 'Duration', unit: 's', default: 60, min: 5, max: 300 }),
  rate: intParam({ label: 'Traffic', unit: 'req/s', default: 20, min: 5, max: 200, step: 5 }),
};

/** The `failover` scenario without its run code (`../failover.ts`): what a page needs to build its runs. */
export const failoverSpec: ScenarioSpec<typeof params, FailoverResult> = {
  name: 'failover',
  title: 'Failover: the primary dies, traffic moves and comes back',
  description:
    'A primary and standbys (or priority levels) behind a client that follows active health checks. The primary fails (errors, hang or slow), optionally flapping; detection time, requests failed during the switch, failback after the hold, flaps.',
  params,
  summaryDoc: {
    detectionTime: 'time from the failure to all traffic having left the primary level, ms; −1 if it never did',
    detectionBound: 'worst case for active checks: unhealthyThreshold × max(interval, timeout) + timeout, ms',
    failbackTime: 'time from the end of the outage to all traffic being back on the primary level, ms; −1 if it never came back',
    failedDuringSwitch: 'requests sent between the failure and the switch that did not succeed (errors and timeouts)',
    availability: 'fraction of requests that succeeded',
    flaps: 'times traffic left the primary again after failing back to it (failbacks that did not stick)',
    switches: 'times all traffic moved from one level to another',
    requests: 'requests started',
    succeeded: 'requests that succeeded',
    failed: 'requests answered with an error or refused',
    rejected: 'requests for which no host was available',
    timedOut: 'requests with no answer within the request timeout (1 s)',
    shed: 'requests turned away by a full queue (none: the hosts do not queue here)',
  },
};
