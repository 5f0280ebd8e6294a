import { checkNumber } from '../options/validate.ts';
import { bulkheadDefaults, bulkheadLimits, type BulkheadOptions } from './bulkhead-options.ts';

export type { BulkheadOptions } from './bulkhead-options.ts';

/**
 * A concurrency limit with a bounded FIFO queue, sans-I/O: it counts running
 * calls and holds the waiters (whatever the caller uses to resume one: a
 * promise's settle functions in the executor, a request in the simulator).
 * No time is involved, so none is asked for.
 *
 * The queue is a Set: FIFO by insertion order, and a waiter that gives up
 * (its caller aborted) is removed in O(1), at once, not skipped later.
 */
export class BulkheadCore<W> {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  private active = 0;
  private readonly waiting = new Set<W>();

  constructor({ maxConcurrent, maxQueue = bulkheadDefaults.maxQueue }: BulkheadOptions) {
    this.maxConcurrent = checkNumber('maxConcurrent', maxConcurrent, bulkheadLimits.maxConcurrent);
    this.maxQueue = checkNumber('maxQueue', maxQueue, bulkheadLimits.maxQueue);
  }

  /** Calls running now. */
  get running(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.size;
  }

  /** Takes a slot if one is free; the caller must `leave()` when its call ends. */
  tryEnter(): boolean {
    // A free slot with someone queued cannot happen: leave() hands a freed slot straight to the queue.
    if (this.active >= this.maxConcurrent) return false;
    this.active++;
    return true;
  }

  /** Queues a waiter when no slot is free; false when the queue is full too. */
  enqueue(waiter: W): boolean {
    if (this.waiting.size >= this.maxQueue) return false;
    this.waiting.add(waiter);
    return true;
  }

  /**
   * A running call ended. Returns the waiter that now holds its slot (the
   * caller resumes it), or undefined when nobody was waiting.
   */
  leave(): W | undefined {
    if (this.active === 0) throw new RangeError('leave() without a running call');
    // Checked first: iterating even an empty Set allocates an iterator, on every call.
    if (this.waiting.size === 0) {
      this.active--;
      return undefined;
    }
    const next = this.waiting.values().next().value as W;
    this.waiting.delete(next);
    return next;
  }

  /** A waiter gave up; true if it was still queued. */
  remove(waiter: W): boolean {
    return this.waiting.delete(waiter);
  }
}
