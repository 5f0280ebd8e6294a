import { neverAborted, type InjectionCore, type RandomSource } from '../../src/resilience/index.ts';
import type { Admission } from '../models/service.ts';
import type { RoutedJob, Target } from './target.ts';

/** Connection resets on some hosts: the real chaos injection core decides per attempt. */
export interface ResetInjection {
  readonly core: InjectionCore;
  readonly random: RandomSource;
  /** Hosts whose connections the fault reaches (the blast radius). */
  readonly affected: ReadonlySet<number>;
}

/**
 * A tier of identical hosts behind a client-side balancer that picks one
 * uniformly at random per attempt, so a retry may land on a healthy host. An
 * injected reset refuses the attempt before any host sees it.
 */
export class HostGroup implements Target {
  constructor(
    readonly hosts: readonly Target[],
    private readonly pick: RandomSource,
    private readonly resets?: ResetInjection,
  ) {
    if (hosts.length === 0) throw new RangeError('a host group needs at least one host');
  }

  submit(job: RoutedJob, now: number): Admission {
    const index = Math.floor(this.pick() * this.hosts.length);
    const r = this.resets;
    if (r && r.affected.has(index) && r.core.shouldInject({ signal: neverAborted, attempt: 1 }, r.random)) {
      job.arrivedAt = now;
      job.state = 'refused';
      return 'refused';
    }
    job.host = this.hosts[index];
    return job.host.submit(job, now);
  }

  abandon(job: RoutedJob, now: number): void {
    job.host?.abandon(job, now);
  }
}
