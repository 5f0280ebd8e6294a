import { ResilienceError } from '../errors.ts';

/** Every slot was taken and the queue was full (or absent); the operation did not run. */
export class BulkheadRejectedError extends ResilienceError {
  override name = 'BulkheadRejectedError';
  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue: number,
  ) {
    super(`bulkhead full: ${maxConcurrent} running, ${maxQueue} queued`);
  }
}
