import type { ExecuteContext } from '../pipeline/policy.ts';

/**
 * One attempt of a hedged call, as its operation sees it. The AbortController
 * is created only if the operation reads `signal` (an operation that never
 * looks could not react anyway, and a controller costs more than the rest of
 * a fast call); a cancellation before that is remembered, so a signal read
 * later comes out already aborted.
 */
export class HedgeAttempt implements ExecuteContext {
  ended = false;
  private controller: AbortController | undefined = undefined;
  private cancelledWith: unknown = undefined;

  constructor(
    readonly attempt: number,
    /** When it started, ms, for latency; NaN when nobody needs it. */
    readonly startedAt: number,
  ) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.cancelledWith !== undefined) this.controller.abort(this.cancelledWith);
    }
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.cancelledWith !== undefined;
  }

  cancel(reason: unknown): void {
    if (this.cancelledWith !== undefined) return;
    this.cancelledWith = reason;
    this.controller?.abort(reason);
  }
}
