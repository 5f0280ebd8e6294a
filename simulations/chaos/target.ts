import type { Admission, Job } from '../models/service.ts';

/** A job that remembers which host took it, so that its abandonment reaches that host. */
export interface RoutedJob extends Job {
  host: Target | undefined;
}

/** Anything a hop can send attempts to: one service, a group of hosts, a service that calls another. */
export interface Target {
  submit(job: RoutedJob, now: number): Admission;
  abandon(job: RoutedJob, now: number): void;
}
