import { ActiveHealthCheck, type ActiveHealthCheckOptions, type HealthTransition } from '../../src/resilience/health/index.ts';
import type { RandomSource } from '../../src/resilience/random.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { ProbeAnswer } from './health-probe.ts';

/** Hooks, each called at the virtual time of the event. */
export interface HealthCheckObserver {
  /** A check of `host` that started at `startedAt` got its verdict at `now`: passed, or failed (an error, or no answer by the timeout). */
  checked?(host: number, startedAt: number, now: number, ok: boolean): void;
  /** The check that just ended moved `host` across a threshold. */
  transition?(host: number, now: number, transition: HealthTransition): void;
}

export interface HealthCheckDriverOptions {
  readonly hosts: number;
  readonly check: ActiveHealthCheckOptions;
  /** How the host answers a probe sent at `now`. */
  readonly probe: (host: number, now: number) => ProbeAnswer;
  /** No check starts at or after this time, ms, so a run can end. */
  readonly untilMs: number;
  readonly observer?: HealthCheckObserver;
  /** The random stream the checks' jitter draws from. */
  readonly streamName?: string;
}

/**
 * Active health checking on virtual time: one real ActiveHealthCheck core
 * per host, driven exactly as its contract says: start a check when it is
 * due, hand back the answer when it comes or a failure at the deadline,
 * whichever is first, and schedule the next one.
 */
export class HealthCheckDriver {
  private readonly cores: ActiveHealthCheck[];

  constructor(
    private readonly sim: Simulation,
    private readonly options: HealthCheckDriverOptions,
  ) {
    const random: RandomSource = sim.streams.stream(options.streamName ?? 'health-checks');
    this.cores = Array.from({ length: options.hosts }, () => new ActiveHealthCheck(options.check, sim.now, random));
    for (let h = 0; h < options.hosts; h++) this.scheduleNext(h);
  }

  private scheduleNext(host: number): void {
    const at = this.cores[host].nextCheckAt();
    if (at < this.options.untilMs) this.sim.at(Math.max(at, this.sim.now), () => this.start(host));
  }

  private start(host: number): void {
    const core = this.cores[host];
    const now = this.sim.now;
    const id = core.startCheck(now);
    const answer = this.options.probe(host, now);
    const deadline = core.checkDeadline();
    const answeredAt = now + answer.latencyMs;
    // An answer after the deadline is a timeout: the checker has stopped waiting by then.
    const [at, ok] = answeredAt <= deadline ? [answeredAt, answer.ok] : [deadline, false];
    this.sim.at(at, () => {
      const transition = core.onCheckResult(this.sim.now, ok, id);
      this.options.observer?.checked?.(host, now, this.sim.now, ok);
      if (transition) this.options.observer?.transition?.(host, this.sim.now, transition);
      this.scheduleNext(host);
    });
  }
}
