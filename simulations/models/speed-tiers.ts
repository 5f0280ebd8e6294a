import type { Host } from '../../src/resilience/load-balancing/index.ts';

export const speedGroups = ['fast', 'normal', 'slow'] as const;
export type SpeedGroup = (typeof speedGroups)[number];

/** One backend of a cluster of uneven speeds. */
export interface SpeedTier {
  /** `fast-0`, `fast-1`, `normal-0`, ...: its group and its place in it. */
  readonly id: string;
  readonly group: SpeedGroup;
  /** Service rate relative to a normal backend; also its weight for the weighted balancers. */
  readonly speed: number;
}

/** A third fast, a third normal, a third slow, fast first: fast ones serve `speedRatio` times faster than normal, slow ones as much slower. */
export function speedTiers(n: number, speedRatio: number): SpeedTier[] {
  const groups = Array.from({ length: n }, (_, i) => speedGroups[Math.min(2, Math.floor((3 * i) / n))]);
  return groups.map((group, i) => ({
    id: `${group}-${i - groups.indexOf(group)}`,
    group,
    speed: group === 'fast' ? speedRatio : group === 'slow' ? 1 / speedRatio : 1,
  }));
}

/** The balancer's view of the tiers: each backend weighted by its speed. */
export function tierHosts(tiers: readonly SpeedTier[]): Host[] {
  return tiers.map((t) => ({ id: t.id, weight: t.speed }));
}
