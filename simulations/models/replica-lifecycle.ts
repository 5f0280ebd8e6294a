import { randomExponential } from 'd3-random';
import type { Simulation } from '../engine/simulation.ts';

export interface ReplicaLifecycleOptions {
  readonly replicas: number;
  /** Mean time between failures, ms (exponential up times). */
  readonly mtbfMs: number;
  /** Mean time to repair, ms (exponential down times). */
  readonly mttrMs: number;
  /** No failure starts at or after this time, ms. */
  readonly untilMs: number;
  /** Called at each failure and each repair, after the replica's state changed. */
  readonly changed: (replica: number, up: boolean, now: number) => void;
}

/**
 * Replicas that fail and get repaired independently: each is up for an
 * exponential time of mean MTBF, then down for an exponential time of mean
 * MTTR, and so on, each drawing from its own random stream. The classic
 * alternating renewal process behind A = MTBF / (MTBF + MTTR).
 */
export class ReplicaLifecycle {
  readonly up: boolean[];
  /** Failures so far, over all replicas. */
  failures = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly options: ReplicaLifecycleOptions,
  ) {
    if (!(Number.isInteger(options.replicas) && options.replicas >= 1)) throw new RangeError(`replicas must be an integer >= 1, got ${options.replicas}`);
    if (!(options.mtbfMs > 0 && options.mttrMs > 0)) throw new RangeError('MTBF and MTTR must be positive');
    this.up = new Array<boolean>(options.replicas).fill(true);
    for (let r = 0; r < options.replicas; r++) {
      const random = sim.streams.stream(`replica-${r}`);
      const upTime = randomExponential.source(random)(1 / options.mtbfMs);
      const downTime = randomExponential.source(random)(1 / options.mttrMs);
      const fail = () => {
        this.up[r] = false;
        this.failures++;
        this.options.changed(r, false, sim.now);
        sim.after(downTime(), repair);
      };
      const repair = () => {
        this.up[r] = true;
        this.options.changed(r, true, sim.now);
        const next = sim.now + upTime();
        if (next < options.untilMs) sim.at(next, fail);
      };
      const first = upTime();
      if (first < options.untilMs) sim.at(first, fail);
    }
  }
}
