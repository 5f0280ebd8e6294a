import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import { BulkheadCore, type BulkheadOptions } from './bulkhead-core.ts';
import { BulkheadRejectedError } from './bulkhead-rejected-error.ts';

/** A call was turned away: every slot taken, the queue full. */
export interface BulkheadRejectedEvent {
  readonly running: number;
  readonly queued: number;
}

const firstAttemptContext: ExecuteContext = Object.freeze({ signal: neverAborted, attempt: 1 });

/** What the queue holds: something to resume when a slot is handed to it. */
interface Resumable {
  /**
   * Runs the operation in the slot just handed over. False when it threw
   * synchronously: its caller is already rejected and the slot is free again.
   */
  start(): boolean;
}

/**
 * A call waiting for a slot. It listens to its caller's signal as an event
 * listener object (handleEvent), so waiting costs no closure; on abort it
 * leaves the queue at once and rejects with the signal's reason.
 */
class QueuedCall<T> implements Resumable {
  constructor(
    private readonly policy: BulkheadPolicy,
    private readonly operation: Operation<T>,
    private readonly signal: AbortSignal,
    private readonly attempt: number,
    private readonly resolve: (value: T) => void,
    private readonly reject: (reason: unknown) => void,
  ) {
    if (signal !== neverAborted) signal.addEventListener('abort', this);
  }

  /** Its turn came: it already holds the slot it was given. */
  start(): boolean {
    if (this.signal !== neverAborted) this.signal.removeEventListener('abort', this);
    let result: PromiseLike<T> | T;
    try {
      result = this.policy.invoke(this.operation, this.signal, this.attempt);
    } catch (error) {
      this.reject(error);
      return false;
    }
    this.policy.settleInSlot(result).then(this.resolve, this.reject);
    return true;
  }

  handleEvent(): void {
    if (this.policy.core.remove(this)) this.reject(abortReason(this.signal));
  }
}

/**
 * Limits how many calls run at once (`maxConcurrent`), with up to `maxQueue`
 * callers waiting in FIFO order; beyond that, `BulkheadRejectedError`. A
 * queued caller whose signal aborts leaves the queue immediately. Isolating
 * each dependency behind its own bulkhead keeps one slow dependency from
 * taking every worker (Nygard's bulkheads, Hystrix's semaphore isolation).
 */
export class BulkheadPolicy implements Policy {
  readonly core: BulkheadCore<Resumable>;
  private readonly rejections = new EventEmitter<BulkheadRejectedEvent>();
  readonly onRejected: Event<BulkheadRejectedEvent> = this.rejections.subscribe;

  constructor(options: BulkheadOptions) {
    this.core = new BulkheadCore(options);
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const core = this.core;
    if (core.tryEnter()) return this.runInSlot(operation, signal, attempt);
    if (core.queued >= core.maxQueue) {
      if (this.rejections.hasListeners) this.rejections.emit({ running: core.running, queued: core.queued });
      return Promise.reject(new BulkheadRejectedError(core.maxConcurrent, core.maxQueue));
    }
    return new Promise<T>((resolve, reject) => {
      core.enqueue(new QueuedCall(this, operation, signal, attempt, resolve, reject));
    });
  }

  /** Runs an operation that holds a slot, and passes the slot on when it settles. */
  private runInSlot<T>(operation: Operation<T>, signal: AbortSignal, attempt: number): Promise<T> {
    let result: PromiseLike<T> | T;
    try {
      result = this.invoke(operation, signal, attempt);
    } catch (error) {
      this.leave();
      return Promise.reject(error);
    }
    return this.settleInSlot(result);
  }

  /** Calls the operation (for a QueuedCall whose turn came); it may throw synchronously. */
  invoke<T>(operation: Operation<T>, signal: AbortSignal, attempt: number): PromiseLike<T> | T {
    return operation(signal === neverAborted && attempt === 1 ? firstAttemptContext : { signal, attempt });
  }

  /** Passes the slot on once a started operation settles (for a QueuedCall too). */
  settleInSlot<T>(result: PromiseLike<T> | T): Promise<T> {
    return Promise.resolve(result).then(this.succeeded as (value: T) => T, this.failed);
  }

  private readonly succeeded = (value: unknown): unknown => {
    this.leave();
    return value;
  };

  private readonly failed = (error: unknown): never => {
    this.leave();
    throw error;
  };

  /**
   * Hands the freed slot down the queue. A queued operation that throws
   * synchronously frees the slot at once: the loop passes it on to the next
   * waiter instead of recursing, so thousands of such operations in a row
   * cannot overflow the stack and strand the slot.
   */
  private leave(): void {
    for (let next = this.core.leave(); next !== undefined && !next.start(); next = this.core.leave());
  }
}

export function bulkhead(options: BulkheadOptions): BulkheadPolicy {
  return new BulkheadPolicy(options);
}
