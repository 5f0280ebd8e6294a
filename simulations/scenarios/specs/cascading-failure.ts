import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { CascadingFailureResult } from '../cascading-failure.ts';

const params = {
  rate: numberParam({ label: 'Request rate', unit: 'req/s', default: 200, min: 10, max: 1000, step: 10, scale: 'log', help: 'New requests per second to A, both kinds together.' }),
  dependentShare: numberParam({ label: 'Share needing B', default: 0.5, min: 0, max: 1, step: 0.05, help: 'Fraction of A’s requests that call B; the rest A serves alone.' }),
  workers: intParam({ label: 'A’s workers', default: 20, min: 1, max: 100, help: 'Requests A works on at once; a worker waiting for B is a busy worker.' }),
  faultMode: enumParam({
    label: 'B’s fault',
    default: 'slow',
    options: ['slow', 'errors', 'hang'],
    optionLabels: { slow: 'slow: added latency', errors: 'errors: every call fails', hang: 'hang: no answer at all' },
  }),
  addedLatency: intParam({ label: 'Added latency', unit: 'ms', default: 1000, min: 100, max: 10_000, step: 100, scale: 'log', help: 'How much slower B answers during a slow fault.' }),
  faultStart: intParam({ label: 'Fault start', unit: 's', default: 20, min: 1, max: 300 }),
  faultDuration: intParam({ label: 'Fault length', unit: 's', default: 20, min: 0, max: 300, help: '0 for no fault.' }),
  timeout: intParam({ label: 'Timeout on calls to B', unit: 'ms', default: 0, min: 0, max: 5000, step: 50, help: '0: no timeout, A waits as long as B takes.' }),
  breaker: booleanParam({ label: 'Circuit breaker on calls to B', default: false }),
  bulkhead: intParam({ label: 'Bulkhead for calls to B', default: 0, min: 0, max: 100, help: 'At most this many of A’s workers may wait on B at once; more calls are refused. 0: none.' }),
  duration: intParam({ label: 'Run length', unit: 's', default: 60, min: 10, max: 300, step: 5, help: 'How long requests keep arriving.' }),
};

export const summaryDoc = {
  independentGoodputBefore: 'requests that do not need B served per second, before the fault',
  independentGoodputDuring: 'the same, during the fault',
  dependentGoodputBefore: 'requests that need B served per second, before the fault',
  dependentGoodputDuring: 'the same, during the fault',
  busyWorkersBefore: 'A’s busy workers before the fault, time-weighted mean',
  busyWorkersDuring: 'the same, during the fault',
  callsToB: 'calls from A that reached B',
  requests: 'requests to A',
  succeeded: 'requests A answered successfully',
  failed: 'requests that needed B and got an error from it (or B’s full queue refused them)',
  rejected: 'requests that needed B whose call the breaker or the bulkhead refused',
  timedOut: 'requests that needed B whose call timed out (or never ended: B hanging with no timeout)',
  shed: 'requests A turned away because its queue was full',
};

/** The `cascading-failure` scenario without its run code (`../cascading-failure.ts`): what a page needs to build its runs. */
export const cascadingFailureSpec: ScenarioSpec<typeof params, CascadingFailureResult> = {
  name: 'cascading-failure',
  title: 'A cascading failure, and what contains it',
  description:
    'Service A calls B for some of its requests. When B slows down or hangs, A’s workers all end up waiting on B and A fails its unrelated traffic too, unless a timeout, a bulkhead or a circuit breaker on the calls to B contains the fault.',
  params,
  summaryDoc,
};
