import { describe, expect, it } from 'vitest';
import {
  ActiveHealthCheck,
  CircuitBreakerCore,
  HealthAwareBalancer,
  LeastRequestBalancer,
  OutlierDetector,
  RetryCore,
  RoundRobinBalancer,
  TokenBucket,
  adaptiveThrottle,
  bulkhead,
  constantBackoff,
  exponentialBackoff,
  ratioBudget,
  rateLimiter,
  retryQuota,
  timeout,
  tokenBucketBudget,
} from '../../../src/resilience/index.ts';

const hosts = [
  { id: 'a', weight: 1 },
  { id: 'b', weight: 1 },
];
const noRandom = () => 0.5;

/** Each bad option is refused with a RangeError naming the option, its value and the allowed range. */
const cases: Array<[string, () => unknown, string]> = [
  ['bulkhead maxConcurrent', () => bulkhead({ maxConcurrent: 0 }), 'maxConcurrent must be an integer >= 1, got 0'],
  ['bulkhead maxQueue', () => bulkhead({ maxConcurrent: 1, maxQueue: 1.5 }), 'maxQueue must be an integer >= 0, got 1.5'],
  ['retry maxAttempts', () => new RetryCore({ maxAttempts: 0, backoff: constantBackoff(1) }), 'maxAttempts must be an integer >= 1 or Infinity, got 0'],
  ['retry deadlineMs', () => new RetryCore({ maxAttempts: 2, backoff: constantBackoff(1), deadlineMs: 0 }), 'deadlineMs must be a number > 0 or Infinity, got 0'],
  ['retry maxDelayMs', () => new RetryCore({ maxAttempts: 2, backoff: constantBackoff(1), maxDelayMs: 1e12 }), 'maxDelayMs must be a finite number in [0, 86400000], got 1000000000000'],
  ['backoff factor', () => exponentialBackoff({ baseMs: 1, capMs: 10, factor: 0.5, jitter: 'none' }), 'factor must be a finite number >= 1, got 0.5'],
  ['timeout timeoutMs', () => timeout(0), 'timeoutMs must be a finite number > 0, got 0'],
  ['rate limiter burst', () => rateLimiter({ ratePerSecond: 1, burst: 0.5 }), 'burst must be a finite number >= 1, got 0.5'],
  ['token bucket initialTokens', () => new TokenBucket({ ratePerSecond: 1, burst: 5, initialTokens: 6 }), 'initialTokens must be a finite number in [0, 5], got 6'],
  ['ratio budget ratio', () => ratioBudget({ ratio: -0.1, windowMs: 1000 }), 'ratio must be a finite number >= 0, got -0.1'],
  ['retry quota retryCost', () => retryQuota({ retryCost: Infinity }), 'retryCost must be a finite number >= 0, got Infinity'],
  ['token bucket budget maxTokens', () => tokenBucketBudget({ maxTokens: 0, tokenRatio: 0.1 }), 'maxTokens must be a finite number > 0, got 0'],
  ['adaptive k', () => adaptiveThrottle({ k: 0 }), 'k must be a finite number > 0, got 0'],
  [
    'breaker successThreshold',
    () => new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 1, halfOpen: { probes: 2, successThreshold: 3 } }),
    'halfOpen.successThreshold must be an integer in [1, 2], got 3',
  ],
  [
    'breaker failureRateThreshold',
    () => new CircuitBreakerCore({ detection: { kind: 'count-window', windowSize: 10, minimumCalls: 5, failureRateThreshold: 0 }, openDuration: 1 }),
    'failureRateThreshold must be a finite number in (0, 100], got 0',
  ],
  ['breaker openDuration', () => new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: -1 }), 'openDuration must be a finite number >= 0, got -1'],
  ['health check healthyThreshold', () => new ActiveHealthCheck({ intervalMs: 1, timeoutMs: 1, healthyThreshold: 0, unhealthyThreshold: 1 }, 0, noRandom), 'healthyThreshold must be an integer >= 1, got 0'],
  ['outlier maxEjectionPercent', () => new OutlierDetector(3, { maxEjectionPercent: 101 }, 0, noRandom), 'maxEjectionPercent must be a finite number in [0, 100], got 101'],
  ['balancer choiceCount', () => new LeastRequestBalancer(hosts, { choiceCount: 0 }), 'choiceCount must be an integer >= 1, got 0'],
  ['host weight', () => new RoundRobinBalancer([{ id: 'a', weight: 0 }]), 'host a: weight must be a finite number > 0, got 0'],
  ['panic threshold', () => new HealthAwareBalancer(new RoundRobinBalancer(hosts), { panicThresholdPercent: -5 }), 'panicThresholdPercent must be a finite number in [0, 100], got -5'],
];

describe('every mechanism refuses a bad option with a message that names it, its value and the allowed range', () => {
  it.each(cases)('%s', (_name, build, message) => {
    expect(build).toThrow(new RangeError(message));
  });
});
