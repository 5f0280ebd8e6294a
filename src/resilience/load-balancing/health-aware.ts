import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { balancerDefaults, balancerLimits } from './balancer-options.ts';
import type { HashKey, HostPicker, LoadBalancer } from './load-balancer.ts';

/** Why a host may be out of rotation; a host takes traffic only when no reason holds. */
export type HealthFlag = 'active-check' | 'outlier';

export interface HealthAwareOptions {
  /**
   * Percentage of hosts that must be available for health to be respected;
   * below it the balancer panics and uses every host, healthy or not.
   * Default 50, as Envoy. 0 disables panic: with no available host, no host.
   */
  readonly panicThresholdPercent?: number;
  /** In panic, send traffic nowhere instead of everywhere (Envoy's fail_traffic_on_panic). Default false. */
  readonly failTrafficOnPanic?: boolean;
}

const ACTIVE_CHECK = 1;
const OUTLIER = 2;

/**
 * Balancing with health: picks go only to hosts that neither failed active
 * health checking nor were ejected by outlier detection, until the available
 * share drops below the panic threshold. Then the balancer disregards health
 * and spreads traffic over all hosts: when most hosts look unhealthy the
 * cause is more often the checks or a shared dependency than the hosts, and
 * piling all traffic onto the few survivors would knock them over too,
 * cascading the failure through the fleet.
 *
 * `pick` returns -1 when no host may take traffic (panic disabled and none
 * available, or failTrafficOnPanic).
 */
export class HealthAwareBalancer implements HostPicker {
  private readonly flags: Uint8Array;
  private available: number;
  private panic = false;
  private none = false;
  private readonly threshold: number;
  private readonly failOnPanic: boolean;

  constructor(
    readonly inner: LoadBalancer,
    options: HealthAwareOptions = {},
  ) {
    const defaults = balancerDefaults.healthAware;
    this.threshold = checkNumber('panicThresholdPercent', options.panicThresholdPercent ?? defaults.panicThresholdPercent, balancerLimits.panicThresholdPercent);
    this.failOnPanic = options.failTrafficOnPanic ?? defaults.failTrafficOnPanic;
    this.flags = new Uint8Array(inner.hosts.length);
    this.available = inner.hosts.length;
  }

  /** True while too few hosts are available and health is being disregarded. */
  get panicking(): boolean {
    return this.panic;
  }

  get availableCount(): number {
    return this.available;
  }

  isAvailable(host: number): boolean {
    return this.flags[host] === 0;
  }

  /** Records that `host` failed (or recovered from) one kind of health check at `now`. */
  setFailed(host: number, flag: HealthFlag, failed: boolean, now: number): void {
    if (!(host >= 0 && host < this.flags.length)) throw new RangeError(`no host ${host}`);
    const bit = flag === 'active-check' ? ACTIVE_CHECK : OUTLIER;
    const before = this.flags[host];
    const after = failed ? before | bit : before & ~bit;
    if (after === before) return;
    this.flags[host] = after;
    if ((before === 0) !== (after === 0)) {
      this.available += after === 0 ? 1 : -1;
      this.refresh(now);
    }
  }

  private refresh(now: number): void {
    const total = this.flags.length;
    this.panic = (100 * this.available) / total < this.threshold;
    this.none = (this.panic && this.failOnPanic) || (!this.panic && this.available === 0);
    if (this.none) return;
    const eligible: number[] = [];
    for (let h = 0; h < total; h++) if (this.panic || this.flags[h] === 0) eligible.push(h);
    // In panic every change leaves the set at "all hosts"; rebuilding (a Maglev table, say) for nothing is waste.
    if (!sameHosts(eligible, this.inner.eligible)) this.inner.setEligible(eligible, now);
  }

  pick(now: number, random: RandomSource, key?: HashKey): number {
    return this.none ? -1 : this.inner.pick(now, random, key);
  }

  onStart(host: number, now: number): void {
    this.inner.onStart(host, now);
  }

  onEnd(host: number, now: number, latencyMs: number, ok: boolean): void {
    this.inner.onEnd(host, now, latencyMs, ok);
  }
}

function sameHosts(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
