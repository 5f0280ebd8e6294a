import type { RandomSource } from '../random.ts';

/** What a backoff knows when asked for the next delay. See index.ts for how retries are numbered. */
export interface BackoffContext {
  /** 1 for the first retry (the second attempt), 2 for the second retry, ... */
  readonly retry: number;
  /**
   * The delay, in ms, this backoff returned for the previous retry of the same
   * request; undefined before the first retry. Only decorrelated jitter reads it.
   */
  readonly previousDelay: number | undefined;
  readonly random: RandomSource;
}

/** A delay in ms (>= 0) before the retry described by `ctx`. Pure apart from `ctx.random`. */
export type Backoff = (ctx: BackoffContext) => number;
