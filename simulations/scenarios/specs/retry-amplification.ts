import { intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { RetryAmplificationResult } from '../retry-amplification.ts';

const params = {
  layers: intParam({ label: 'Layers', default: 3, min: 1, max: 6, help: 'layers between the client and the dependency, each with its own retries' }),
  retries: intParam({ label: 'Retries per layer', default: 3, min: 0, max: 5, help: 'retries after a failed call, at each layer' }),
  failureRate: numberParam({ label: 'Failure rate', default: 1, min: 0, max: 1, step: 0.01, help: 'probability that one call to the dependency fails; 1 is a hard outage' }),
  requests: intParam({
    label: 'Requests',
    default: 10_000,
    min: 1,
    max: 100_000,
    scale: 'log',
    help: 'top-level requests; the work grows as requests × (retries + 1)^layers in an outage',
  }),
};

const summaryDoc = {
  amplification: 'calls the dependency received per top-level request',
  expectedAmplification: 'the same from theory: product over layers of sum_{i=0..r} (1 - s)^i, s the success probability of the layer below',
  successRate: 'fraction of top-level requests that succeeded',
  expectedSuccessRate: 'the same from theory: s_0, where s_L = 1 - failureRate and s_k = 1 - (1 - s_{k+1})^(r+1)',
  requests: 'top-level requests',
  succeeded: 'top-level requests that succeeded',
  failed: 'top-level requests that failed after every layer gave up (requests - succeeded)',
  dependencyCalls: 'calls the dependency received in all (amplification × requests)',
};

/** The `retry-amplification` scenario without its run code (`../retry-amplification.ts`): what a page needs to build its runs. */
export const retryAmplificationSpec: ScenarioSpec<typeof params, RetryAmplificationResult> = {
  name: 'retry-amplification',
  title: 'Retry amplification across layers',
  description:
    'A request passes through several layers, each retrying failed calls to the one below. In an outage the dependency at the bottom sees (retries + 1)^layers calls per request.',
  params,
  summaryDoc,
};

/**
 * The closed form. Let s be the probability that a call to the tier below
 * succeeds. A layer makes attempt i + 1 exactly when its first i attempts
 * failed, so it makes sum_{i=0..r} (1 - s)^i attempts on average per call it
 * receives, and succeeds with probability 1 - (1 - s)^(r+1). Calls are
 * independent, so expected counts multiply down the tiers: from the bottom
 * (s = 1 - failureRate) up, each layer's success probability is the next
 * layer's s. At failureRate 1 every s is 0 and the dependency gets exactly
 * (r + 1)^L calls per request.
 */
export function expectedAmplification(layers: number, retries: number, failureRate: number): { byLayer: number[]; successRate: number } {
  // successBelow[k]: success probability of a call received by tier k.
  const successBelow = new Array<number>(layers + 1);
  successBelow[layers] = 1 - failureRate;
  for (let k = layers - 1; k >= 0; k--) successBelow[k] = 1 - (1 - successBelow[k + 1]) ** (retries + 1);
  const byLayer = [1];
  for (let k = 0; k < layers; k++) {
    const q = 1 - successBelow[k + 1];
    let attempts = 0;
    for (let i = 0; i <= retries; i++) attempts += q ** i;
    byLayer.push(byLayer[k] * attempts);
  }
  return { byLayer, successRate: successBelow[0] };
}
