import type { Job, JobState } from './service.ts';

/** The caller that sent an attempt: it hears the service's answer. */
export interface AttemptCaller<R> {
  answered(attempt: Attempt<R>, ok: boolean, now: number): void;
}

/**
 * One try of a request at a service: the job the service works on, and
 * whether its caller is done with it. The caller makes one per try (a
 * request with retries makes several), the service fills in the times and
 * the state and answers through `respond`, and the caller ignores an answer
 * that comes after it stopped waiting.
 */
export class Attempt<R> implements Job {
  arrivedAt = NaN;
  startedAt = NaN;
  state: JobState = 'new';
  /** The caller has its answer, or stopped waiting: later news about this attempt is ignored. */
  settled = false;

  constructor(
    private readonly caller: AttemptCaller<R>,
    /** The request this attempt is a try of. */
    readonly request: R,
  ) {}

  respond(ok: boolean, now: number): void {
    this.caller.answered(this, ok, now);
  }
}
