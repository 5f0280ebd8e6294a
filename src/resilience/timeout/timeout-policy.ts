import { realClock, type Clock } from '../clock.ts';
import { checkNumber } from '../options/validate.ts';
import { TimeoutError } from '../errors.ts';
import { EventEmitter, type Event, type TimeoutEvent } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type Operation, type Policy } from '../pipeline/policy.ts';
import { EpochQueue } from './epoch-queue.ts';
import { TimedCall } from './timed-call.ts';
import { defaultResolutionMs, timeoutLimits, type TimeoutOptions } from './timeout-options.ts';

export type { TimeoutOptions } from './timeout-options.ts';

let capturedResolve: ((value: never) => void) | undefined;
let capturedReject: ((reason: unknown) => void) | undefined;
/** A shared promise executor: hands out resolve/reject without allocating a closure per call. */
function captureSettlers(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

function settleFrom<T>(call: TimedCall<T>, pending: PromiseLike<T>): void {
  pending.then(
    (value) => call.fulfil(value),
    (error: unknown) => call.fail(error),
  );
}

/**
 * Abandons an attempt that runs longer than `timeoutMs`: the operation's
 * signal aborts with a TimeoutError and the call rejects with it at once,
 * whether or not the operation listens.
 *
 * No timer per call, and no clock read per call either (a clock read costs
 * as much as the rest of the call on some machines). While calls are pending,
 * one shared timer ticks every `resolutionMs`; the calls started between two
 * ticks form an Epoch whose deadline is set at the tick that closes it, and a
 * later tick abandons the epochs whose deadline has passed. A call that
 * settles leaves its epoch at once; when nothing is pending the timer stops.
 *
 * A pending timeout keeps a Node process alive, as a per-call timer would:
 * `timeout(200).execute(() => new Promise(() => {}))` rejects after 200 ms
 * even in a process that holds nothing else (an operation may hold no handle
 * of its own). After the last pending call settles, the timer's last tick
 * may hold the process for up to `resolutionMs` more.
 */
export class TimeoutPolicy implements Policy {
  readonly resolutionMs: number;
  private readonly clock: Clock;
  private readonly epochs = new EpochQueue();
  private ticking = false;
  private readonly timeouts = new EventEmitter<TimeoutEvent>();
  /** Fires when an attempt is abandoned for running too long. */
  readonly onTimeout: Event<TimeoutEvent> = this.timeouts.subscribe;

  constructor(
    readonly timeoutMs: number,
    { clock = realClock, resolutionMs = defaultResolutionMs(timeoutMs) }: TimeoutOptions = {},
  ) {
    checkNumber('timeoutMs', timeoutMs, timeoutLimits.timeoutMs);
    checkNumber('resolutionMs', resolutionMs, timeoutLimits.resolutionMs);
    this.clock = clock;
    this.resolutionMs = resolutionMs;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const promise = new Promise<T>(captureSettlers);
    // The executor ran synchronously just above, so the captured functions are this promise's.
    const call = new TimedCall<T>(signal, attempt, capturedResolve as (value: T) => void, capturedReject!);
    let result: PromiseLike<T> | T;
    try {
      result = operation(call);
    } catch (error) {
      call.fail(error);
      return promise;
    }
    if (!isThenable(result)) {
      call.fulfil(result);
      return promise;
    }
    if (!call.settled) {
      this.epochs.add(call);
      if (!this.ticking) this.tickAfter();
    }
    settleFrom(call, result);
    return promise;
  }

  private tickAfter(delayMs = this.resolutionMs): void {
    this.ticking = true;
    this.clock.sleep(delayMs).then(this.tick);
  }

  private readonly tick = (): void => {
    const now = this.clock.now();
    for (let due = this.epochs.takeDue(now); due !== undefined; due = this.epochs.takeDue(now)) {
      for (let call = due.head; call !== undefined; call = due.head) this.abandon(call as TimedCall<unknown>);
    }
    this.epochs.close(now + this.timeoutMs);
    // Tick again within resolutionMs to close the next epoch, or sooner at the oldest
    // deadline, so that a call is abandoned no later than timeoutMs + resolutionMs after it started.
    const next = this.epochs.nextDeadline();
    if (next < Infinity) this.tickAfter(Math.min(this.resolutionMs, next - now));
    else this.ticking = false;
  };

  private abandon(call: TimedCall<unknown>): void {
    if (this.timeouts.hasListeners) this.timeouts.emit({ timeoutMs: this.timeoutMs, attempt: call.attempt });
    call.abandon(new TimeoutError(this.timeoutMs));
  }
}

function isThenable<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function timeout(timeoutMs: number, options?: TimeoutOptions): TimeoutPolicy {
  return new TimeoutPolicy(timeoutMs, options);
}
