import type { Admission, JobState } from '../models/service.ts';
import type { RequestOutcome } from '../models/request-ledger.ts';
import type { HopCaller, HopListener } from './hop-caller.ts';
import type { RoutedJob, Target } from './target.ts';

/** B's own part of a request; when B's work is done, B calls its dependency before it answers. */
class OwnWork implements RoutedJob, HopListener {
  arrivedAt = NaN;
  startedAt = NaN;
  state: JobState = 'new';
  host: Target | undefined = undefined;
  ownWork: RoutedJob | undefined = undefined;

  constructor(
    readonly outer: RoutedJob,
    private readonly dependency: HopCaller,
  ) {}

  respond(ok: boolean, now: number): void {
    if (!ok) return this.outer.respond(false, now);
    this.dependency.call(this);
  }

  /** The dependency answered: so does B. */
  hopEnded(outcome: RequestOutcome, now: number): void {
    this.outer.respond(outcome === 'succeeded', now);
  }
}

/**
 * A service that does its own work on its hosts, then calls a dependency and
 * answers with the dependency's result. Its workers are free while it waits
 * on the dependency (an asynchronous server), so its trouble reaches its
 * callers as latency and errors, not as exhausted threads; an abandoned
 * request's own work is abandoned on its host as usual.
 */
export class CallingService implements Target {
  constructor(
    private readonly hosts: Target,
    private readonly dependency: HopCaller,
  ) {}

  submit(job: RoutedJob, now: number): Admission {
    job.arrivedAt = now;
    const own = new OwnWork(job, this.dependency);
    job.ownWork = own;
    const admission = this.hosts.submit(own, now);
    job.state = own.state;
    return admission;
  }

  abandon(job: RoutedJob, now: number): void {
    if (job.ownWork) this.hosts.abandon(job.ownWork, now);
  }
}
