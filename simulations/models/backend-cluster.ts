import type { RandomSource } from '../../src/resilience/random.ts';
import type { Simulation } from '../engine/simulation.ts';
import { FaultSchedule, type FaultWindow } from './fault-schedule.ts';
import { probeAnswer, type ProbeAnswer } from './health-probe.ts';
import { Service } from './service.ts';

/** One backend behind a balancer. */
export interface BackendSpec {
  readonly id: string;
  /** Requests it works on at once. */
  readonly workers: number;
  /** Requests that may wait; one more is shed. Unbounded when absent. */
  readonly queueCapacity?: number;
  /** Mean work per request, ms (exponential). */
  readonly serviceMs: number;
  /** The share of requests, and of deep health probes, it fails while healthy. */
  readonly errorProbability?: number;
  readonly faults?: readonly FaultWindow[];
}

/**
 * The backends of a balanced cluster, in the balancer's host order: one
 * service each, with its own faults, and a health endpoint that goes
 * through the same faults and errors as its requests (see `probeAnswer`).
 */
export class BackendCluster {
  readonly ids: readonly string[];
  /** One per backend, in host order: what a BalancedCaller sends to. */
  readonly services: readonly Service[];
  private readonly faults: readonly FaultSchedule[];
  private readonly errorProbabilities: readonly number[];

  constructor(
    sim: Simulation,
    backends: readonly BackendSpec[],
    /** A health probe's own latency, ms. */
    private readonly probeMs: number,
  ) {
    this.ids = backends.map((b) => b.id);
    this.faults = backends.map((b) => new FaultSchedule(b.faults));
    this.errorProbabilities = backends.map((b) => b.errorProbability ?? 0);
    this.services = backends.map(
      (b, i) =>
        new Service(sim, {
          name: b.id,
          workers: b.workers,
          queueCapacity: b.queueCapacity,
          serviceTime: { kind: 'exponential', mean: b.serviceMs },
          errorProbability: this.errorProbabilities[i],
          faults: this.faults[i],
        }),
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** How backend `host` answers a health probe sent at `now`. */
  probe(host: number, now: number, random: RandomSource): ProbeAnswer {
    return probeAnswer(this.faults[host], this.errorProbabilities[host], now, random, this.probeMs);
  }
}
