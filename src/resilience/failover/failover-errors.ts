import { ResilienceError } from '../errors.ts';

/** Every endpoint of an endpoint failover was tried, and each failed. */
export class AllEndpointsFailedError extends ResilienceError {
  override name = 'AllEndpointsFailedError';
  constructor(
    /** What each tried endpoint threw, in the order they were tried. */
    readonly errors: readonly unknown[],
  ) {
    super(`all ${errors.length} endpoint${errors.length === 1 ? '' : 's'} tried failed`, { cause: errors[errors.length - 1] });
  }
}
