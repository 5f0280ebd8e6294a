import { RetryCore, attemptSucceeded, constantBackoff, type AttemptOutcome } from '../../src/resilience/index.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import type { LedgerCounts } from '../models/request-ledger.ts';
import { defineScenario } from '../scenario.ts';
import { expectedAmplification, retryAmplificationSpec } from './specs/retry-amplification.ts';
export { expectedAmplification } from './specs/retry-amplification.ts';

const params = retryAmplificationSpec.params;

/**
 * Retries at every layer multiply. A top-level request enters layer 0, which
 * calls layer 1, ..., and layer L-1 calls the dependency at the bottom. Every
 * layer retries a failed call up to `retries` times with the real RetryCore;
 * the dependency fails each call independently with probability
 * `failureRate`. When it is down, the bottom sees (retries + 1)^layers calls
 * per request, which is why retrying at one layer only is the rule.
 *
 * The model has no time in it: waits do not change how many calls are made,
 * so the cores run at t = 0 with no backoff.
 */

export interface RetryAmplificationResult {
  readonly summary: {
    amplification: number;
    expectedAmplification: number;
    successRate: number;
    expectedSuccessRate: number;
    dependencyCalls: number;
  } & Pick<LedgerCounts, 'requests' | 'succeeded' | 'failed'>;
  /**
   * Calls received per top-level request at each tier, top first: tier 0 is
   * the top layer (always 1), tier `layers` the dependency (= amplification).
   */
  readonly byLayer: number[];
  /** What theory expects for `byLayer`. */
  readonly expectedByLayer: number[];
}

const failure: AttemptOutcome = Object.freeze({ ok: false });

export const retryAmplification = defineScenario({
  ...retryAmplificationSpec,
  run(p, seed, options = {}): RetryAmplificationResult {
    const { layers, requests } = p;
    const random = new RandomStreams(seed).stream('dependency');
    const noWait = constantBackoff(0);
    const cores = Array.from({ length: layers }, () => new RetryCore({ maxAttempts: p.retries + 1, backoff: noWait }));
    const calls = new Array<number>(layers + 1).fill(0);

    // A call received by `tier`; true when it succeeded.
    const call = (tier: number): boolean => {
      calls[tier]++;
      // random() < 1 always, so failureRate 1 fails every call; random() < 0 never.
      if (tier === layers) return !(random() < p.failureRate);
      const core = cores[tier];
      const state = core.begin(0);
      for (;;) {
        const ok = call(tier + 1);
        if (!core.decide(state, ok ? attemptSucceeded : failure, 0, random).retry) return ok;
      }
    };

    let succeeded = 0;
    let done = 0;
    const progress = options.onProgress && new ProgressReporter(options.onProgress, () => done / requests);
    while (done < requests) {
      if (call(0)) succeeded++;
      done++;
      progress?.poll();
    }
    progress?.finish();

    const expected = expectedAmplification(layers, p.retries, p.failureRate);
    return {
      summary: {
        amplification: calls[layers] / requests,
        expectedAmplification: expected.byLayer[layers],
        successRate: succeeded / requests,
        expectedSuccessRate: expected.successRate,
        requests,
        succeeded,
        failed: requests - succeeded,
        dependencyCalls: calls[layers],
      },
      byLayer: calls.map((c) => c / requests),
      expectedByLayer: expected.byLayer,
    };
  },
});
