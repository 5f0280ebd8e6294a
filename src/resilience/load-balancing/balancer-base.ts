import type { RandomSource } from '../random.ts';
import { checkHosts, type Host } from './host.ts';
import type { HashKey, LoadBalancer } from './load-balancer.ts';

/**
 * What every balancer shares: the host list, the eligible subset, and when
 * each host last became eligible (slow start ramps a host from that moment,
 * as Envoy ramps from a host's last passed health check).
 */
export abstract class BalancerBase implements LoadBalancer {
  readonly hosts: readonly Host[];
  protected eligibleHosts: readonly number[];
  /** -Infinity for hosts eligible from the start: they are not new. */
  protected readonly eligibleSince: Float64Array;

  constructor(hosts: readonly Host[]) {
    checkHosts(hosts);
    this.hosts = hosts.slice();
    this.eligibleHosts = hosts.map((_, i) => i);
    this.eligibleSince = new Float64Array(hosts.length).fill(-Infinity);
  }

  get eligible(): readonly number[] {
    return this.eligibleHosts;
  }

  setEligible(hosts: readonly number[], now: number): void {
    const n = this.hosts.length;
    if (hosts.length === 0) throw new RangeError('at least one host must be eligible');
    const next = new Uint8Array(n);
    for (const h of hosts) {
      if (!Number.isInteger(h) || h < 0 || h >= n) throw new RangeError(`no host ${h} among ${n}`);
      if (next[h]) throw new RangeError(`host ${h} listed twice`);
      next[h] = 1;
    }
    const was = new Uint8Array(n);
    for (const h of this.eligibleHosts) was[h] = 1;
    const sorted: number[] = [];
    for (let h = 0; h < n; h++) {
      if (!next[h]) continue;
      sorted.push(h);
      if (!was[h]) this.eligibleSince[h] = now;
    }
    this.eligibleHosts = sorted;
    this.onEligibleChanged(now);
  }

  /** Rebuild whatever depends on the eligible set. */
  protected onEligibleChanged(_now: number): void {}

  abstract pick(now: number, random: RandomSource, key?: HashKey): number;

  onStart(_host: number, _now: number): void {}

  onEnd(_host: number, _now: number, _latencyMs: number, _ok: boolean): void {}
}
