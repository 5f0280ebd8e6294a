import { intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { BallsIntoBinsResult } from '../balls-into-bins.ts';

const params = {
  requests: intParam({ label: 'Requests', default: 10_000, min: 1, max: 1_000_000, scale: 'log', help: 'm balls: requests placed one after another that never finish.' }),
  backends: intParam({ label: 'Backends', default: 100, min: 2, max: 100_000, scale: 'log', help: 'n bins.' }),
  choices: intParam({ label: 'Choices', default: 2, min: 1, max: 4, help: 'd: backends sampled per request (with replacement); the request goes to the least loaded. 1 is uniform random.' }),
};

/** The `balls-into-bins` scenario without its run code (`../balls-into-bins.ts`): what a page needs to build its runs. */
export const ballsIntoBinsSpec: ScenarioSpec<typeof params, BallsIntoBinsResult> = {
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
};
