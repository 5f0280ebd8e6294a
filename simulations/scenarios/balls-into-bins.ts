import { LeastRequestBalancer, UniformRandomBalancer, uniformHosts, type LoadBalancer } from '../../src/resilience/load-balancing/index.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { expectedMaxLoads } from '../theory/balanced-allocations.ts';
import { ballsIntoBinsSpec } from './specs/balls-into-bins.ts';

const params = ballsIntoBinsSpec.params;

export type BallsIntoBinsParams = ParamValues<typeof params>;

/** Points on the max-load-vs-requests curve (fewer when there are fewer requests). */
const CURVE_POINTS = 50;
/** How many balls are placed between two progress polls. */
const PROGRESS_EVERY = 4096;

/** One point of the max-load-vs-requests curve. */
export interface LoadAfter {
  /** Balls placed so far. */
  readonly requests: number;
  readonly maxLoad: number;
  /** requests / backends. */
  readonly meanLoad: number;
  /** What theory expects the maximum to be at this point (see `expectedMaxLoad` in the summary doc). */
  readonly expectedMaxLoad: number;
}

export interface BallsIntoBinsResult extends ScenarioResult {
  readonly summary: {
    maxLoad: number;
    meanLoad: number;
    minLoad: number;
    expectedMaxLoad: number;
  } & LedgerCounts;
  /** The maximum load after evenly spaced numbers of requests, the last one after all of them: "max load vs requests". */
  readonly byRequests: LoadAfter[];
}

/** Evenly spaced ball counts m·k/K, k = 1..K, without repeats. */
function curveCounts(m: number): number[] {
  const points = Math.min(CURVE_POINTS, m);
  const counts: number[] = [];
  for (let k = 1; k <= points; k++) counts.push(Math.round((m * k) / points));
  return counts;
}

function balancerFor(choices: number, n: number): LoadBalancer {
  const hosts = uniformHosts(n);
  return choices === 1 ? new UniformRandomBalancer(hosts) : new LeastRequestBalancer(hosts, { choiceCount: choices });
}

/**
 * Balls into bins with the real balancers: m requests that never finish
 * (onStart with no onEnd) placed on n backends by the uniform random
 * balancer (d = 1) or Envoy's least-request balancer with d choices (the
 * power of d choices). With one choice the busiest backend's excess over
 * the mean grows with the number of requests; with two it stays at about
 * ln ln n / ln 2, however many requests there are (Azar et al. 1999;
 * Berenbrink et al. 2006).
 */
export const ballsIntoBins = defineScenario({
  ...ballsIntoBinsSpec,
  run(p, seed, options = {}): BallsIntoBinsResult {
    const { requests: m, backends: n, choices: d } = p;
    const random = new RandomStreams(seed).stream('balancer');
    const balancer = balancerFor(d, n);
    const ledger = new RequestLedger();
    const loads = new Int32Array(n);
    const counts = curveCounts(m);
    const expected = expectedMaxLoads(counts, n, d);
    const byRequests: LoadAfter[] = [];
    const progress = options.onProgress ? new ProgressReporter(options.onProgress, () => byRequests.length / counts.length) : undefined;

    let maxLoad = 0;
    let next = 0;
    for (let placed = 1; placed <= m; placed++) {
      // A ball: a request that holds its place for the whole run.
      const ball = ledger.begin();
      // All balls arrive at t = 0: balls into bins has no time, only order.
      const host = balancer.pick(0, random);
      balancer.onStart(host, 0);
      ledger.end(ball, 'succeeded');
      const load = ++loads[host];
      if (load > maxLoad) maxLoad = load;
      if (placed === counts[next]) {
        byRequests.push({ requests: placed, maxLoad, meanLoad: placed / n, expectedMaxLoad: expected[next] });
        next++;
      }
      if (progress && placed % PROGRESS_EVERY === 0) progress.poll();
    }
    ledger.assertBalanced();
    progress?.finish();

    let minLoad = loads[0];
    for (let i = 1; i < n; i++) if (loads[i] < minLoad) minLoad = loads[i];
    return {
      summary: {
        maxLoad,
        meanLoad: m / n,
        minLoad,
        expectedMaxLoad: expected[expected.length - 1],
        ...ledger.counts(),
      },
      byRequests,
    };
  },
});
