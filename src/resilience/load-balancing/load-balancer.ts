import type { RandomSource } from '../random.ts';
import type { Host } from './host.ts';

/** What a consistent-hashing balancer hashes to keep a key on the same host (a user id, a cache key). */
export type HashKey = string | number;

/**
 * What a client needs from any balancer: choose a host, and report when a
 * request to it starts and ends, so that the balancers that track load
 * (outstanding requests, latency) can see it. Those that do not track load
 * ignore the reports.
 */
export interface HostPicker {
  /**
   * The index of the host to send the next request to. `key` matters only to
   * the consistent-hashing balancers; the others ignore it. A health-aware
   * picker returns -1 when no host may take traffic.
   */
  pick(now: number, random: RandomSource, key?: HashKey): number;
  /** A request to `host` was sent. */
  onStart(host: number, now: number): void;
  /** A request to `host` finished after `latencyMs`, successfully or not. */
  onEnd(host: number, now: number, latencyMs: number, ok: boolean): void;
}

/**
 * A balancing algorithm over a fixed list of hosts. Health is decided
 * elsewhere (HealthAwareBalancer) and handed in as the set of eligible
 * hosts; the algorithm then chooses only among those.
 */
export interface LoadBalancer extends HostPicker {
  readonly hosts: readonly Host[];
  /** Indices of the hosts picks are made from, ascending. */
  readonly eligible: readonly number[];
  /**
   * Restricts picks to `hosts` (indices, non-empty). A host that becomes
   * eligible at `now` counts as new from then on, for slow start.
   */
  setEligible(hosts: readonly number[], now: number): void;
}
