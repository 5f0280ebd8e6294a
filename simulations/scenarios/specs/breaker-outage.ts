import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { BreakerOutageResult } from '../breaker-outage.ts';

const params = {
  rate: numberParam({
    label: 'Request rate',
    unit: 'req/s',
    default: 50,
    min: 1,
    max: 500,
    step: 1,
    scale: 'log',
    help: 'New requests per second (Poisson arrivals).',
  }),
  duration: intParam({ label: 'Run length', unit: 's', default: 60, min: 10, max: 300, step: 5, help: 'How long requests keep arriving.' }),
  outageStart: intParam({ label: 'Outage start', unit: 's', default: 20, min: 0, max: 300 }),
  outageDuration: intParam({ label: 'Outage length', unit: 's', default: 15, min: 0, max: 300, help: '0 for no outage.' }),
  outageMode: enumParam({
    label: 'Outage kind',
    default: 'errors',
    options: ['errors', 'hang'],
    optionLabels: { errors: 'errors: every call fails', hang: 'hang: no answer, only the timeout ends a call' },
  }),
  timeout: intParam({
    label: 'Attempt timeout',
    unit: 'ms',
    default: 1000,
    min: 50,
    max: 10_000,
    step: 50,
    scale: 'log',
    help: 'How long a caller waits for each attempt.',
  }),
  retries: intParam({
    label: 'Retries',
    default: 2,
    min: 0,
    max: 5,
    help: 'Retries per request, outside the breaker: each retry asks the breaker again, and one it refuses ends the request.',
  }),
  breaker: booleanParam({ label: 'Circuit breaker', default: true }),
  failureRateThreshold: numberParam({
    label: 'Failure-rate threshold',
    unit: '%',
    default: 50,
    min: 1,
    max: 100,
    step: 1,
    help: 'Trip when at least this share of the calls in the window failed.',
  }),
  window: enumParam({
    label: 'Window',
    default: 'count',
    options: ['count', 'time'],
    optionLabels: { count: 'count-based: the last N calls', time: 'time-based: the calls of the last N seconds' },
  }),
  windowSize: intParam({
    label: 'Window size',
    unit: 'calls',
    default: 20,
    min: 1,
    max: 500,
    step: 1,
    scale: 'log',
    help: 'Count-based window: calls it holds.',
    appliesWhen: { window: ['count'] },
  }),
  windowDuration: intParam({
    label: 'Window length',
    unit: 's',
    default: 10,
    min: 1,
    max: 60,
    help: 'Time-based window: seconds it covers, in 10 buckets.',
    appliesWhen: { window: ['time'] },
  }),
  minimumCalls: intParam({
    label: 'Minimum calls',
    default: 10,
    min: 1,
    max: 500,
    step: 1,
    scale: 'log',
    help: 'Calls the window must hold before it may trip.',
  }),
  openDuration: intParam({
    label: 'Open duration',
    unit: 'ms',
    default: 5000,
    min: 100,
    max: 60_000,
    step: 100,
    scale: 'log',
    help: 'How long the breaker rejects calls before letting probes through.',
  }),
  halfOpenProbes: intParam({
    label: 'Half-open probes',
    default: 3,
    min: 1,
    max: 20,
    help: 'Probe calls let through in half-open; all must succeed to close.',
  }),
};

export const summaryDoc = {
  callsDuringOutage: 'attempts that reached the dependency during the outage',
  detectionTime: 'ms from the outage start to the first trip of the breaker; -1 without a breaker, without an outage, or if it never tripped',
  recoveryTime:
    'ms from the outage end to the first request that succeeded with the breaker closed (without a breaker: the first success); -1 if none did before the run ended',
  callerErrors: 'requests that did not succeed (requests - succeeded)',
  callerLatencyP50: 'median time from a request’s start to its end, any outcome, ms (0 without requests)',
  callerLatencyP99: '99th percentile of the same, ms',
  dependencyCalls: 'attempts that reached the dependency over the whole run, retries included',
  timesOpened: 'times the breaker opened: trips, and failed half-open probes',
  requests: 'requests started',
  succeeded: 'requests that succeeded',
  failed: 'requests whose last attempt got an error',
  rejected: 'requests whose attempt the open (or half-open) breaker turned away',
  timedOut: 'requests whose last attempt timed out',
  shed: 'requests whose last attempt the dependency’s full queue turned away',
};

/** The `breaker-outage` scenario without its run code (`../breaker-outage.ts`): what a page needs to build its runs. */
export const breakerOutageSpec: ScenarioSpec<typeof params, BreakerOutageResult> = {
  name: 'breaker-outage',
  title: 'A circuit breaker through an outage',
  description:
    'Callers with timeouts and retries call a dependency that fails (errors, or hangs) for a while. A circuit breaker cuts the calls reaching it during the outage, and turns a slow failure into a fast one, at the cost of a delay in recovery.',
  params,
  summaryDoc,
};
