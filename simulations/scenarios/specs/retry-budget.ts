import { enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { RetryBudgetResult } from '../retry-budget.ts';

/** Attempts each client's breaker counts; it may trip once the window is full. */
export const BREAKER_WINDOW = 20;

/** How long an open breaker refuses retries before one probe may pass. */
export const BREAKER_OPEN_MS = 5000;

export const retryPolicies = ['none', 'retries', 'token-bucket', 'ratio-budget', 'retry-quota', 'adaptive', 'circuit-breaker'] as const;

export type RetryBudgetPolicy = (typeof retryPolicies)[number];

export type QuotaCosts = 'classic' | '2026';

const params = {
  clients: intParam({ label: 'Clients', default: 10, min: 1, max: 100 }),
  rate: numberParam({ label: 'Rate per client', unit: 'req/s', default: 10, min: 1, max: 100, step: 1 }),
  duration: intParam({ label: 'Duration', unit: 's', default: 60, min: 1, max: 600, help: 'how long requests keep arriving' }),
  failureRate: numberParam({ label: 'Failure rate', default: 0.5, min: 0, max: 1, step: 0.01, help: 'probability that one attempt fails' }),
  outageStart: intParam({ label: 'Outage start', unit: 's', default: 20, min: 0, max: 600 }),
  outageDuration: intParam({ label: 'Outage length', unit: 's', default: 0, min: 0, max: 600, help: 'every attempt fails during the outage; 0 for none' }),
  policy: enumParam({
    label: 'Policy',
    default: 'retries',
    options: retryPolicies,
    optionLabels: {
      none: 'No retries',
      retries: 'Capped retries',
      'token-bucket': 'Token bucket (gRPC)',
      'ratio-budget': 'Ratio budget (10%)',
      'retry-quota': 'Retry quota (AWS)',
      adaptive: 'Adaptive throttling (SRE)',
      'circuit-breaker': 'Circuit breaker on retries',
    },
  }),
  retries: intParam({ label: 'Retries per request', default: 3, min: 0, max: 10 }),
  quotaCosts: enumParam({
    label: 'Retry quota costs',
    default: 'classic',
    options: ['classic', '2026'] as const,
    optionLabels: { classic: 'Long-standing (5 a retry)', '2026': 'Updated in 2026 (14 a retry)' },
    help: 'retry-quota only: what a retry after an error costs from the quota of 500',
  }),
  breakerThreshold: numberParam({
    label: 'Breaker threshold',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.01,
    help: `circuit-breaker only: each client's breaker opens, and stops its retries for ${BREAKER_OPEN_MS / 1000} s, once at least this fraction of its last ${BREAKER_WINDOW} attempts failed (0: any failure)`,
  }),
};

const summaryDoc = {
  successRate: 'fraction of requests that eventually succeeded',
  load: 'attempts per request: the amplification the dependency sees',
  rejected: 'requests ended because a budget, throttle or the breaker refused their next attempt',
  requests: 'requests the clients started',
  succeeded: 'requests that succeeded',
  failed: 'requests whose last allowed attempt failed (requests = succeeded + failed + rejected)',
  attempts: 'attempts sent to the dependency, retries included',
  failedAttempts: 'attempts that failed (attempts = succeeded + failedAttempts)',
  retries: 'attempts after the first of their request',
};

/** The `retry-budget` scenario without its run code (`../retry-budget.ts`): what a page needs to build its runs. */
export const retryBudgetSpec: ScenarioSpec<typeof params, RetryBudgetResult> = {
  name: 'retry-budget',
  title: 'Retry budgets against a failing dependency',
  description:
    'Clients at a steady rate call a dependency that fails a fraction of attempts. Plain retries multiply the load by up to retries + 1; a retry budget, throttle or breaker keeps it near 1 when the dependency is down.',
  params,
  summaryDoc,
};
