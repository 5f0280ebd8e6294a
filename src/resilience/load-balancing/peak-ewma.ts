import type { RandomSource } from '../random.ts';
import { checkNumber } from '../options/validate.ts';
import { BalancerBase } from './balancer-base.ts';
import { balancerDefaults, balancerLimits } from './balancer-options.ts';
import type { Host } from './host.ts';

export interface PeakEwmaOptions {
  /** Mean lifetime of a latency observation, ms (Finagle's decayTime); default 10 000. */
  readonly decayTimeMs?: number;
}

/**
 * Cost of a host that has requests in flight but no latency observed yet:
 * Finagle's Long.MaxValue >> 16, large enough that such a host loses every
 * comparison until its first response comes back.
 */
const PENALTY = 2 ** 47;

/**
 * Finagle's peak EWMA with power of two choices. Each host keeps an
 * exponentially weighted moving average of its latency that jumps straight
 * up to any latency above it (the "peak") and decays back towards newer,
 * lower observations with time constant `decayTimeMs`, weighted by the time
 * since the previous observation (the series is unevenly spaced). Reading
 * the cost decays it towards zero, so a host that slowed down once gets
 * traffic again after a while.
 *
 *   load = ewma × (outstanding + 1)
 *
 * A pick compares two distinct random eligible hosts and takes the one with
 * the lower load (the second one on a tie, as Finagle does). Failures count
 * like successes: a host that fails fast looks fast and attracts traffic,
 * which is why this is paired with outlier detection.
 */
export class PeakEwmaBalancer extends BalancerBase {
  private readonly cost: Float64Array;
  private readonly stamp: Float64Array;
  private readonly pending: Int32Array;
  private readonly tau: number;

  constructor(hosts: readonly Host[], options: PeakEwmaOptions = {}) {
    super(hosts);
    this.tau = checkNumber('decayTimeMs', options.decayTimeMs ?? balancerDefaults.peakEwma.decayTimeMs, balancerLimits.periodMs);
    this.cost = new Float64Array(hosts.length);
    this.stamp = new Float64Array(hosts.length).fill(-Infinity);
    this.pending = new Int32Array(hosts.length);
  }

  private observe(host: number, now: number, rtt: number): void {
    const elapsed = Math.max(now - this.stamp[host], 0);
    const w = Math.exp(-elapsed / this.tau);
    const c = this.cost[host];
    this.cost[host] = rtt > c ? rtt : c * w + rtt * (1 - w);
    this.stamp[host] = now;
  }

  /** The host's load as a pick sees it at `now` (decays its latency average first). */
  load(host: number, now: number): number {
    this.observe(host, now, 0);
    const c = this.cost[host];
    const p = this.pending[host];
    return c === 0 && p !== 0 ? PENALTY + p : c * (p + 1);
  }

  /** The latency average, ms, without decaying it. */
  latencyEstimate(host: number): number {
    return this.cost[host];
  }

  outstandingRequests(host: number): number {
    return this.pending[host];
  }

  pick(now: number, random: RandomSource): number {
    const eligible = this.eligibleHosts;
    const n = eligible.length;
    if (n === 1) return eligible[0];
    // Two distinct indices: draw b from n - 1 slots and step over a.
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    const hostA = eligible[a];
    const hostB = eligible[b];
    return this.load(hostA, now) < this.load(hostB, now) ? hostA : hostB;
  }

  override onStart(host: number, _now?: number): void {
    this.pending[host]++;
  }

  override onEnd(host: number, now: number, latencyMs: number, _ok?: boolean): void {
    if (this.pending[host] === 0) throw new RangeError(`onEnd for host ${host} without a matching onStart`);
    this.pending[host]--;
    this.observe(host, now, Math.max(latencyMs, 0));
  }
}
