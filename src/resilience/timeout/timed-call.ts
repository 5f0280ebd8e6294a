import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext } from '../pipeline/policy.ts';
import type { Epoch, EpochMember } from './epoch.ts';

/**
 * One call under a timeout: the operation's ExecuteContext, the settle
 * functions of the promise the caller holds, and a member of the epoch of
 * calls it started in.
 *
 * Its AbortController is created only if the operation reads `signal`: an
 * operation that never looks at its signal could not react to it anyway, and
 * a controller costs more than the rest of the call.
 */
export class TimedCall<T> implements ExecuteContext, EpochMember {
  prev: EpochMember | undefined = undefined;
  next: EpochMember | undefined = undefined;
  epoch: Epoch | undefined = undefined;
  settled = false;
  private controller: AbortController | undefined = undefined;
  /** Why the call was abandoned, for a controller created after the fact. */
  private abandonedWith: unknown = undefined;
  private readonly resolve: (value: T) => void;
  private readonly reject: (reason: unknown) => void;

  constructor(
    private readonly parentSignal: AbortSignal,
    readonly attempt: number,
    resolve: (value: T) => void,
    reject: (reason: unknown) => void,
  ) {
    this.resolve = resolve;
    this.reject = reject;
    // A listener object (handleEvent) rather than a closure: one allocation fewer per call.
    if (parentSignal !== neverAborted) parentSignal.addEventListener('abort', this);
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.abandonedWith !== undefined) this.controller.abort(this.abandonedWith);
    }
    return this.controller.signal;
  }

  /** The parent signal aborted: abandon the call with its reason. */
  handleEvent(): void {
    this.abandon(abortReason(this.parentSignal));
  }

  fulfil(value: T): void {
    if (this.settle()) this.resolve(value);
  }

  fail(error: unknown): void {
    if (this.settle()) this.reject(error);
  }

  /** Aborts the operation's signal with `reason` and rejects the caller with it. */
  abandon(reason: unknown): void {
    if (!this.settle()) return;
    this.abandonedWith = reason;
    this.controller?.abort(reason);
    this.reject(reason);
  }

  /** Marks the call settled; false if it already was (the operation finished after a timeout, or vice versa). */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.parentSignal !== neverAborted) this.parentSignal.removeEventListener('abort', this);
    this.epoch?.remove(this);
    return true;
  }
}
