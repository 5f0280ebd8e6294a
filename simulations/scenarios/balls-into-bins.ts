import { LeastRequestBalancer, UniformRandomBalancer, uniformHosts, type LoadBalancer } from '../../src/resilience/load-balancing/index.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { intParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { expectedMaxLoads } from '../theory/balanced-allocations.ts';

const params = {
  requests: intParam({ label: 'Requests', default: 10_000, min: 1, max: 1_000_000, scale: 'log', help: 'm balls: requests placed one after another that never finish.' }),
  backends: intParam({ label: 'Backends', default: 100, min: 2, max: 100_000, scale: 'log', help: 'n bins.' }),
  choices: intParam({ label: 'Choices', default: 2, min: 1, max: 4, help: 'd: backends sampled per request (with replacement); the request goes to the least loaded. 1 is uniform random.' }),
};

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
  name: 'balls-into-bins',
  title: 'Balls into bins: one choice vs two',
  description:
    'Requests that never finish placed on n backends by the random balancer or by least-request with d choices; the busiest backend with one choice vs two, against the theory of balanced allocations.',
  params,
  summaryDoc: {
    maxLoad: 'requests on the busiest backend at the end',
    meanLoad: 'requests / backends',
    minLoad: 'requests on the least loaded backend at the end',
    expectedMaxLoad:
      'theory: Σ_{i≥1} 1 − (1 − s_i)^n, s_i the fraction of backends with at least i requests in the large-n limit (d = 1: the Poisson(m/n) tail, so the expected maximum of n Poisson loads, ~ m/n + sqrt(2 (m/n) ln n) for m ≫ n; d ≥ 2: Mitzenmacher\'s fluid limit ds_i/dt = s_{i−1}^d − s_i^d, ~ m/n + ln ln n / ln d + O(1))',
    requests: 'requests placed (m)',
    succeeded: 'requests placed on a backend: all of them (they never leave)',
    failed: 'requests that failed (none: balls never fail)',
    rejected: 'requests the balancer had no backend for (none)',
    timedOut: 'requests abandoned (none)',
    shed: 'requests turned away (none)',
  },
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
