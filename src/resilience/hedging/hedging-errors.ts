import { ResilienceError } from '../errors.ts';

/** The reason an attempt's signal aborts when another attempt of the same hedged call answered first. */
export class HedgeLostError extends ResilienceError {
  override name = 'HedgeLostError';
  constructor(readonly attempt: number) {
    super(`attempt ${attempt} cancelled: another attempt answered first`);
  }
}

/** The retry budget refused the hedge a call needed, with no attempt left in flight. */
export class HedgeBudgetExhaustedError extends ResilienceError {
  override name = 'HedgeBudgetExhaustedError';
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`retry budget refused a hedge after ${attempts} failed attempt${attempts === 1 ? '' : 's'}`, { cause: lastError });
  }
}
