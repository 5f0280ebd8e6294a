/**
 * The public face of src/resilience: the mechanisms, their sans-I/O cores
 * and their real-clock executors. Everything above this layer imports from here.
 */
export { realClock, realRandom, type Clock, type SleepOptions } from './clock.ts';
export { uniform, type RandomSource } from './random.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './pipeline/index.ts';
export * from './backoff/index.ts';
export * from './retry-budget/index.ts';
export * from './retry/index.ts';
export * from './timeout/index.ts';
export * from './circuit-breaker/index.ts';
export * from './bulkhead/index.ts';
export * from './rate-limiter/index.ts';
export * from './fallback/index.ts';
export * from './load-balancing/index.ts';
export * from './health/index.ts';
export * from './chaos/index.ts';
export * from './failover/index.ts';
export * from './hedging/index.ts';
export * from './availability/index.ts';
