import type { Admission, Job } from '../models/service.ts';

/** A job that remembers which host took it, so that its abandonment reaches that host. */
export interface RoutedJob extends Job {
  host: Target | undefined;
  /**
   * What this job became on the hosts of a calling service (its own part of
   * the work), so that abandoning the job reaches it. A field rather than a
   * WeakMap in the service: the map's entries were a third of a
   * chaos-experiment run's time in garbage collection.
   */
  ownWork: RoutedJob | undefined;
}

/** Anything a hop can send attempts to: one service, a group of hosts, a service that calls another. */
export interface Target {
  submit(job: RoutedJob, now: number): Admission;
  abandon(job: RoutedJob, now: number): void;
}
