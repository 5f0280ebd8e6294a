/**
 * Envoy's priority arithmetic, as a pure function. Envoy computes it in
 * LoadBalancerBase::recalculatePerPriorityState, recalculatePerPriorityPanic
 * and recalculateLoadInTotalPanic
 * (https://github.com/envoyproxy/envoy/blob/00cf9a056f3eda1b40f41fc3018a922c143c514b/source/extensions/load_balancing_policies/common/load_balancer_impl.cc),
 * described in https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/load_balancing/priority
 * and .../panic_threshold. Everything is in integer percent, with the same
 * truncating divisions, so the loads here are Envoy's to the percent.
 */
import { checkNumber } from '../options/validate.ts';
import { failoverDefaults, failoverLimits } from './failover-options.ts';

/** One priority level's hosts, by health. Hosts excluded from balancing are not counted at all. */
export interface PriorityLevelHealth {
  readonly hosts: number;
  readonly healthy: number;
  readonly degraded: number;
}

export interface PriorityLoadOptions {
  /** Envoy's overprovisioning_factor as a multiplier: 1.4 by default (Envoy's 140 %). */
  readonly overprovisioningFactor?: number;
  /** Percent of available hosts below which a level disregards health; 50 by default, 0 disables panic. */
  readonly panicThresholdPercent?: number;
}

/** Where traffic goes: integer percents over all levels, healthy plus degraded summing to 100. */
export interface PriorityLoad {
  /** Percent of requests sent to each level's healthy hosts (all its hosts when the level panics). */
  readonly healthy: readonly number[];
  /** Percent of requests sent to each level's degraded hosts. */
  readonly degraded: readonly number[];
  /** Each level's health score: healthy share × overprovisioning factor, capped at 100. */
  readonly health: readonly number[];
  /** The same for degraded hosts. */
  readonly degradedScore: readonly number[];
  /** Sum of every level's health and degraded scores, capped at 100. */
  readonly normalizedTotalAvailability: number;
  /** Levels that disregard health (traffic to them goes to all their hosts). */
  readonly panic: readonly boolean[];
  /** Every level panics: load follows host counts, not health. */
  readonly totalPanic: boolean;
}

export function checkPriorityLoadOptions(o: PriorityLoadOptions): void {
  checkNumber('overprovisioningFactor', o.overprovisioningFactor ?? failoverDefaults.overprovisioningFactor, failoverLimits.overprovisioningFactor);
  checkNumber('panicThresholdPercent', o.panicThresholdPercent ?? failoverDefaults.panicThresholdPercent, failoverLimits.panicThresholdPercent);
}

function checkLevels(levels: readonly PriorityLevelHealth[]): void {
  if (levels.length === 0) throw new RangeError('priority failover needs at least one level');
  levels.forEach((l, i) => {
    const whole = (v: number) => Number.isInteger(v) && v >= 0;
    if (!(whole(l.hosts) && whole(l.healthy) && whole(l.degraded) && l.healthy + l.degraded <= l.hosts)) {
      throw new RangeError(`level ${i}: need whole numbers with healthy + degraded <= hosts, got ${JSON.stringify(l)}`);
    }
  });
}

/**
 * Envoy's distributeLoad: as much load as possible to the first levels, each
 * taking its score scaled to the normalized total, until the load runs out.
 */
function distribute(scores: readonly number[], totalLoad: number, normalizedTotal: number): { load: number[]; first: number; remaining: number } {
  let first = -1;
  let remaining = totalLoad;
  const load = scores.map((score, i) => {
    if (first < 0 && score > 0) first = i;
    const share = Math.min(remaining, Math.floor((score * 100) / normalizedTotal));
    remaining -= share;
    return share;
  });
  return { load, first, remaining };
}

/** Envoy's isHostSetInPanic: the level's available share is below the threshold (an empty level always is). */
function levelInPanic(l: PriorityLevelHealth, threshold: number): boolean {
  const available = l.hosts === 0 ? 0 : (100 * l.healthy) / l.hosts + (100 * l.degraded) / l.hosts;
  return available < threshold;
}

/**
 * The share of traffic each priority level gets. Each level's health score
 * is min(100, ⌊factor% × healthy / hosts⌋) (so 80 % healthy still scores 100
 * with the default 1.4); level 0 takes its score in percent of the traffic,
 * level 1 the next slice, and so on, all scaled up when the scores sum to
 * less than 100 (the normalized total availability). Degraded hosts take
 * what the healthy ones leave. Rounding leftovers go to the first level with
 * any healthy score.
 *
 * Panic applies only when the normalized total is below 100: then a level
 * whose available share is below the threshold sends its slice to all its
 * hosts; when every level panics, the load follows host counts alone.
 */
export function priorityLoad(levels: readonly PriorityLevelHealth[], options: PriorityLoadOptions = {}): PriorityLoad {
  checkLevels(levels);
  checkPriorityLoadOptions(options);
  const factorPercent = Math.round((options.overprovisioningFactor ?? failoverDefaults.overprovisioningFactor) * 100);
  const threshold = options.panicThresholdPercent ?? failoverDefaults.panicThresholdPercent;
  const n = levels.length;
  const health = levels.map((l) => (l.hosts === 0 ? 0 : Math.min(100, Math.floor((factorPercent * l.healthy) / l.hosts))));
  const degradedScore = levels.map((l) => (l.hosts === 0 ? 0 : Math.min(100, Math.floor((factorPercent * l.degraded) / l.hosts))));
  const normalizedTotal = Math.min(100, health.reduce((a, b) => a + b, 0) + degradedScore.reduce((a, b) => a + b, 0));

  let healthy = new Array<number>(n).fill(0);
  let degraded = new Array<number>(n).fill(0);
  if (normalizedTotal > 0) {
    const h = distribute(health, 100, normalizedTotal);
    const d = distribute(degradedScore, h.remaining, normalizedTotal);
    healthy = h.load;
    degraded = d.load;
    if (d.remaining !== 0) {
      if (h.first !== -1) healthy[h.first] += d.remaining;
      else degraded[d.first] += d.remaining;
    }
  }

  // recalculatePerPriorityPanic: with panic disabled and nothing available, Envoy
  // points 100 % at level 0, where no host will be found.
  if (threshold === 0 && normalizedTotal === 0) {
    healthy = healthy.map((_, i) => (i === 0 ? 100 : 0));
    return { healthy, degraded, health, degradedScore, normalizedTotalAvailability: 0, panic: levels.map(() => false), totalPanic: false };
  }
  // Never panic while the levels together have enough available hosts.
  const panic = levels.map((l) => (normalizedTotal === 100 ? false : levelInPanic(l, threshold)));
  const totalPanic = panic.every(Boolean);
  if (totalPanic) {
    // recalculateLoadInTotalPanic: by host counts, health disregarded.
    const totalHosts = levels.reduce((a, l) => a + l.hosts, 0);
    degraded = degraded.map(() => 0);
    if (totalHosts === 0) {
      healthy = healthy.map((_, i) => (i === 0 ? 100 : 0));
    } else {
      healthy = levels.map((l) => Math.floor((100 * l.hosts) / totalHosts));
      const firstNonEmpty = levels.findIndex((l) => l.hosts > 0);
      healthy[firstNonEmpty] += 100 - healthy.reduce((a, b) => a + b, 0);
    }
  }
  return { healthy, degraded, health, degradedScore, normalizedTotalAvailability: normalizedTotal, panic, totalPanic };
}
