import type { HostPicker } from '../load-balancing/load-balancer.ts';
import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { failoverDefaults, failoverLimits } from './failover-options.ts';
import { checkPriorityLoadOptions, priorityLoad, type PriorityLoad, type PriorityLoadOptions } from './priority-load.ts';

/** A host's health as priority failover sees it; degraded hosts take traffic only when healthy ones fall short. */
export type HostHealth = 'healthy' | 'degraded' | 'unhealthy';

export interface PriorityFailoverOptions extends PriorityLoadOptions {
  /** In panic, send the level's slice nowhere instead of to all its hosts (Envoy's fail_traffic_on_panic). Default false. */
  readonly failTrafficOnPanic?: boolean;
}

/** A pick: the host (index over all levels, level 0's hosts first) and its level; host -1 when no host may take it. */
export interface PriorityPick {
  readonly host: number;
  readonly level: number;
}

const HEALTHY = 0;
const DEGRADED = 1;
const UNHEALTHY = 2;

/**
 * Priority failover as Envoy does it: hosts sit in priority levels, level 0
 * takes the traffic while enough of it is healthy, and as its hosts fail the
 * traffic spills over to level 1, 2, ... in proportion to the missing health
 * (see priorityLoad for the arithmetic, overprovisioning and panic). Within a
 * level a host is drawn uniformly at random among those the load is meant
 * for (Envoy hands that choice to the cluster's balancer).
 *
 * The core keeps no clock: health changes come from whatever judges health
 * (active checks, outlier detection), and `pick` draws from the random
 * source it is given. Loads are recomputed only when health changes.
 */
export class PriorityFailover implements HostPicker {
  readonly levelSizes: readonly number[];
  private readonly levelOfHost: Int32Array;
  private readonly firstHost: number[];
  private readonly state: Uint8Array;
  private readonly options: PriorityFailoverOptions;
  private currentLoad: PriorityLoad;
  /** Per level, host indices by health, rebuilt on change. */
  private healthyHosts: number[][] = [];
  private degradedHosts: number[][] = [];

  constructor(levelSizes: readonly number[], options: PriorityFailoverOptions = {}) {
    if (levelSizes.length === 0) throw new RangeError('priority failover needs at least one level');
    for (const [i, n] of levelSizes.entries()) checkNumber(`hosts of level ${i}`, n, failoverLimits.hosts);
    checkPriorityLoadOptions(options);
    this.levelSizes = [...levelSizes];
    this.options = options;
    const total = levelSizes.reduce((a, b) => a + b, 0);
    this.levelOfHost = new Int32Array(total);
    this.firstHost = [];
    let h = 0;
    levelSizes.forEach((n, level) => {
      this.firstHost.push(h);
      for (let i = 0; i < n; i++) this.levelOfHost[h++] = level;
    });
    this.state = new Uint8Array(total);
    this.currentLoad = this.recompute();
  }

  get hostCount(): number {
    return this.state.length;
  }

  /** The current priority load, recomputed at the last health change. */
  get load(): PriorityLoad {
    return this.currentLoad;
  }

  levelOf(host: number): number {
    return this.levelOfHost[host];
  }

  health(host: number): HostHealth {
    return this.state[host] === HEALTHY ? 'healthy' : this.state[host] === DEGRADED ? 'degraded' : 'unhealthy';
  }

  /** Records a host's health; returns true when that changed the priority load. */
  setHealth(host: number, health: HostHealth): boolean {
    if (!(Number.isInteger(host) && host >= 0 && host < this.state.length)) throw new RangeError(`no host ${host} among ${this.state.length}`);
    const code = health === 'healthy' ? HEALTHY : health === 'degraded' ? DEGRADED : UNHEALTHY;
    if (this.state[host] === code) return false;
    this.state[host] = code;
    const before = this.currentLoad;
    this.currentLoad = this.recompute();
    return !sameLoad(before, this.currentLoad);
  }

  /** The host for the next request (-1: none may take it), for use wherever a balancer goes. */
  pick(_now: number, random: RandomSource): number {
    return this.choose(random).host;
  }

  /** Priority failover watches no load: these two are there to be a HostPicker. */
  onStart(): void {}

  onEnd(): void {}

  /** Chooses a level by its share of the load (Envoy's choosePriority over 1..100), then a host in it. */
  choose(random: RandomSource): PriorityPick {
    const load = this.currentLoad;
    const draw = Math.floor(random() * 100) + 1;
    let cumulative = 0;
    for (let level = 0; level < load.healthy.length; level++) {
      cumulative += load.healthy[level];
      if (draw <= cumulative) return this.hostIn(level, load.panic[level] ? null : this.healthyHosts[level], random);
    }
    for (let level = 0; level < load.degraded.length; level++) {
      cumulative += load.degraded[level];
      if (draw <= cumulative) return this.hostIn(level, load.panic[level] ? null : this.degradedHosts[level], random);
    }
    return { host: -1, level: -1 };
  }

  /** A host of `level` among `candidates` (null: the level panics, so all of its hosts). */
  private hostIn(level: number, candidates: number[] | null, random: RandomSource): PriorityPick {
    if (candidates === null) {
      if (this.options.failTrafficOnPanic ?? failoverDefaults.failTrafficOnPanic) return { host: -1, level };
      return { host: this.firstHost[level] + Math.floor(random() * this.levelSizes[level]), level };
    }
    if (candidates.length === 0) return { host: -1, level };
    return { host: candidates[Math.floor(random() * candidates.length)], level };
  }

  private recompute(): PriorityLoad {
    this.healthyHosts = this.levelSizes.map(() => []);
    this.degradedHosts = this.levelSizes.map(() => []);
    for (let h = 0; h < this.state.length; h++) {
      if (this.state[h] === HEALTHY) this.healthyHosts[this.levelOfHost[h]].push(h);
      else if (this.state[h] === DEGRADED) this.degradedHosts[this.levelOfHost[h]].push(h);
    }
    return priorityLoad(
      this.levelSizes.map((hosts, level) => ({ hosts, healthy: this.healthyHosts[level].length, degraded: this.degradedHosts[level].length })),
      this.options,
    );
  }
}

function sameLoad(a: PriorityLoad, b: PriorityLoad): boolean {
  for (let i = 0; i < a.healthy.length; i++) {
    if (a.healthy[i] !== b.healthy[i] || a.degraded[i] !== b.degraded[i] || a.panic[i] !== b.panic[i]) return false;
  }
  return true;
}
