import { checkNumber } from '../options/validate.ts';
import { balancerLimits } from './balancer-options.ts';

/**
 * A backend as a balancer sees it. Balancers return indices into the host
 * list they were built with; the id matters only to the consistent-hashing
 * balancers, which place a host by hashing it, so that the same host lands
 * in the same place whichever other hosts are present.
 */
export interface Host {
  readonly id: string;
  /** Relative share of traffic for the weighted balancers; any positive number. */
  readonly weight: number;
}

/** `n` hosts called `host-0` ... `host-(n-1)`, all of the given weight. */
export function uniformHosts(n: number, weight = 1): Host[] {
  return Array.from({ length: n }, (_, i) => ({ id: `host-${i}`, weight }));
}

/** Hosts with the given weights, called `host-0`, `host-1`, ... */
export function weightedHosts(weights: readonly number[]): Host[] {
  return weights.map((weight, i) => ({ id: `host-${i}`, weight }));
}

/**
 * Rejects what no balancer can work with: no hosts, a weight that is not a
 * positive finite number (a zero weight would stall the schedulers that
 * divide by it), or two hosts with the same id (consistent hashing would
 * give them the same places).
 */
export function checkHosts(hosts: readonly Host[]): void {
  if (hosts.length === 0) throw new RangeError('a balancer needs at least one host');
  const ids = new Set<string>();
  for (const h of hosts) {
    checkNumber(`host ${h.id}: weight`, h.weight, balancerLimits.weight);
    if (ids.has(h.id)) throw new RangeError(`host id ${h.id} appears twice`);
    ids.add(h.id);
  }
}

/** True when every host has the same weight, so weighted schedules can be skipped. */
export function weightsAreEqual(hosts: readonly Host[], indices: readonly number[]): boolean {
  for (let i = 1; i < indices.length; i++) if (hosts[indices[i]].weight !== hosts[indices[0]].weight) return false;
  return true;
}
