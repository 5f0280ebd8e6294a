import type { HostPicker } from '../load-balancing/load-balancer.ts';
import { checkNumber } from '../options/validate.ts';
import { failoverLimits } from './failover-options.ts';

/** Why traffic moved: away from an unhealthy host, or back to a preferred one that has stayed healthy for the hold time. */
export type SwitchKind = 'failover' | 'failback';

export interface SwitchEvent {
  readonly kind: SwitchKind;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface ActivePassiveOptions {
  /** Hosts in order of preference: 0 is the primary, then the standbys. */
  readonly hosts: number;
  /**
   * A host preferred over the active one takes traffic back only after it
   * has been healthy without a break for this long, ms. 0 fails back at the
   * first healthy verdict.
   */
  readonly failbackHoldMs: number;
}

export function checkActivePassiveOptions(o: ActivePassiveOptions): void {
  checkNumber('hosts', o.hosts, failoverLimits.hosts);
  checkNumber('failbackHoldMs', o.failbackHoldMs, failoverLimits.holdMs);
}

/**
 * Active-passive failover with failback hysteresis, sans I/O. One host takes
 * all the traffic. When health checking (the ActiveHealthCheck core, or any
 * other judge) says the active host is unhealthy, traffic moves at once to
 * the first healthy host in order of preference. A more preferred host that
 * recovers gets the traffic back only once it has been healthy for
 * `failbackHoldMs` without a break: a primary that flaps (healthy for a
 * moment, then failing again) then does not drag traffic back and forth,
 * at the price of staying on the standby a little longer after a real
 * recovery.
 *
 *   on a health verdict:      setHealthy(host, healthy, now) -> switch or null
 *   at nextDecisionAt():      update(now) -> switch or null
 *
 * A flap is counted each time traffic leaves a host it had failed back to:
 * a failback that did not stick.
 */
export class ActivePassiveFailover implements HostPicker {
  private activeHost = 0;
  private readonly healthySince: Float64Array;
  private failbacks = 0;
  private flapCount = 0;
  private switchCount = 0;
  /** Whether the active host got its traffic by a failback (so leaving it again is a flap). */
  private activeByFailback = false;
  readonly failbackHoldMs: number;

  constructor(options: ActivePassiveOptions) {
    checkActivePassiveOptions(options);
    this.failbackHoldMs = options.failbackHoldMs;
    // Every host starts healthy, as if it had been for ever: no hold at start.
    this.healthySince = new Float64Array(options.hosts).fill(-Infinity);
  }

  get active(): number {
    return this.activeHost;
  }

  get hostCount(): number {
    return this.healthySince.length;
  }

  /** Every request goes to the active host: this makes the core a HostPicker. */
  pick(): number {
    return this.activeHost;
  }

  onStart(): void {}

  onEnd(): void {}

  /** Switches of either kind so far. */
  get switches(): number {
    return this.switchCount;
  }

  get failbackCount(): number {
    return this.failbacks;
  }

  /** Failbacks that did not stick: traffic left the host again after failing back to it. */
  get flaps(): number {
    return this.flapCount;
  }

  isHealthy(host: number): boolean {
    return !Number.isNaN(this.healthySince[host]);
  }

  /**
   * A health verdict for `host` at `now` (only changes matter). Returns the
   * switch it caused, if any.
   */
  setHealthy(host: number, healthy: boolean, now: number): SwitchEvent | null {
    if (!(Number.isInteger(host) && host >= 0 && host < this.healthySince.length)) throw new RangeError(`no host ${host} among ${this.healthySince.length}`);
    if (healthy === this.isHealthy(host)) return null;
    this.healthySince[host] = healthy ? now : NaN;
    return this.update(now);
  }

  /**
   * When `update` should next be called: the earliest moment a host more
   * preferred than the active one completes its hold; Infinity if none is
   * waiting.
   */
  nextDecisionAt(): number {
    let next = Infinity;
    for (let h = 0; h < this.activeHost; h++) {
      const since = this.healthySince[h];
      if (!Number.isNaN(since)) next = Math.min(next, since + this.failbackHoldMs);
    }
    return next;
  }

  /** Applies the rules at `now`; returns the switch made, if any. */
  update(now: number): SwitchEvent | null {
    const from = this.activeHost;
    if (!this.isHealthy(from)) {
      // Prefer a host that has completed its hold, so a failover never lands on a host that just flapped back.
      let to = this.firstHealthy(now, true);
      if (to < 0) to = this.firstHealthy(now, false);
      // With no healthy host anywhere, traffic stays where it is: moving it would not help.
      if (to < 0) return null;
      return this.switchTo(to < from ? 'failback' : 'failover', from, to, now);
    }
    for (let h = 0; h < from; h++) {
      const since = this.healthySince[h];
      if (!Number.isNaN(since) && now - since >= this.failbackHoldMs) return this.switchTo('failback', from, h, now);
    }
    return null;
  }

  private firstHealthy(now: number, held: boolean): number {
    for (let h = 0; h < this.healthySince.length; h++) {
      const since = this.healthySince[h];
      if (!Number.isNaN(since) && (!held || now - since >= this.failbackHoldMs)) return h;
    }
    return -1;
  }

  private switchTo(kind: SwitchKind, from: number, to: number, at: number): SwitchEvent {
    if (kind === 'failover' && this.activeByFailback) this.flapCount++;
    if (kind === 'failback') this.failbacks++;
    this.activeByFailback = kind === 'failback';
    this.activeHost = to;
    this.switchCount++;
    return { kind, at, from, to };
  }
}
