import { MaglevBalancer, ModuloHashBalancer, RingHashBalancer, type Host, type LoadBalancer } from '../../src/resilience/load-balancing/index.ts';
import type { RandomSource } from '../../src/resilience/random.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { consistentHashingSpec, type Method } from './specs/consistent-hashing.ts';

const params = consistentHashingSpec.params;

export type ConsistentHashingParams = ParamValues<typeof params>;

/** Keys listed in `moves`, for a "which keys move" view. */
const SAMPLE_KEYS = 40;
const PROGRESS_EVERY = 4096;

/** Where one key went. */
export interface KeyMove {
  readonly key: string;
  /** Backend id before the change. */
  readonly from: string;
  /** Backend id after the change; equal to `from` when the key stayed. */
  readonly to: string;
}

/** One backend's keys before and after the change (0 where it was not in the cluster). */
export interface BackendKeys {
  readonly id: string;
  readonly keysBefore: number;
  readonly keysAfter: number;
}

export interface ConsistentHashingResult extends ScenarioResult {
  readonly summary: {
    movedFraction: number;
    idealMovedFraction: number;
    excessMovedFraction: number;
    maxOverMean: number;
    relativeStdev: number;
  } & LedgerCounts;
  /** The first SAMPLE_KEYS keys and where each went. */
  readonly moves: KeyMove[];
  /** Every backend, the added or removed one included. */
  readonly backends: BackendKeys[];
  /** Index in `backends` of the backend that was added or removed. */
  readonly changedBackend: number;
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Maglev needs a prime table with at least one slot per backend. */
function maglevTableSize(atLeast: number, hosts: number): number {
  let m = Math.max(atLeast, hosts);
  while (!isPrime(m)) m++;
  return m;
}

function balancerFor(method: Method, hosts: readonly Host[], p: ConsistentHashingParams): LoadBalancer {
  switch (method) {
    case 'modulo':
      return new ModuloHashBalancer(hosts);
    case 'ring-hash':
      return new RingHashBalancer(hosts, { pointsPerHost: p.ringPoints });
    case 'maglev':
      return new MaglevBalancer(hosts, { tableSize: maglevTableSize(p.maglevTableSize, hosts.length) });
  }
}

/**
 * Backends are placed by hashing their ids, so the ids are drawn per seed
 * (random private addresses): a new seed is a new cluster, and the spread of
 * a result over seeds is its spread over clusters.
 */
function hostIds(count: number, random: RandomSource): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    const octet = () => Math.floor(random() * 256);
    ids.add(`10.${octet()}.${octet()}.${octet()}:8080`);
  }
  return [...ids];
}

/**
 * Which keys move when a backend joins or leaves, with the real hashing
 * balancers: hash mod n moves almost every key, ring hash and Maglev about
 * the 1/n that must move. The change goes through `setEligible`, exactly as a
 * backend failing a health check or returning would.
 */
export const consistentHashing = defineScenario({
  ...consistentHashingSpec,
  run(p, seed, options = {}): ConsistentHashingResult {
    const streams = new RandomStreams(seed);
    const n = p.backends;
    const adding = p.change === 'add';
    const total = adding ? n + 1 : n;
    const ids = hostIds(total, streams.stream('hosts'));
    const hosts: Host[] = ids.map((id) => ({ id, weight: 1 }));
    const changed = adding ? n : Math.floor(streams.stream('change')() * n);
    const all = hosts.map((_, i) => i);
    const others = all.filter((i) => i !== changed);
    const [before, after] = adding ? [others, all] : [all, others];

    const balancer = balancerFor(p.method, hosts, p);
    const pickRandom = streams.stream('balancer');
    const keyRandom = streams.stream('keys');
    const keys = Array.from({ length: p.keys }, () => `user-${Math.floor(keyRandom() * 1e9)}`);
    const ledger = new RequestLedger();
    let done = 0;
    const progress = options.onProgress ? new ProgressReporter(options.onProgress, () => done / (2 * p.keys)) : undefined;
    const lookUp = (key: string): number => {
      // A lookup: a request routed by key, which always finds a backend.
      const lookup = ledger.begin();
      const host = balancer.pick(0, pickRandom, key);
      ledger.end(lookup, 'succeeded');
      if (progress && ++done % PROGRESS_EVERY === 0) progress.poll();
      return host;
    };

    // A balancer starts with every host eligible; rebuilding a Maglev table for the same set would be wasted work.
    if (before.length !== total) balancer.setEligible(before, 0);
    const was = Int32Array.from(keys, lookUp);
    balancer.setEligible(after, 1);
    const now = Int32Array.from(keys, lookUp);
    ledger.assertBalanced();
    progress?.finish();

    const keysBefore = new Float64Array(total);
    const keysAfter = new Float64Array(total);
    let moved = 0;
    let excess = 0;
    for (let i = 0; i < p.keys; i++) {
      keysBefore[was[i]]++;
      keysAfter[now[i]]++;
      if (was[i] === now[i]) continue;
      moved++;
      if (was[i] !== changed && now[i] !== changed) excess++;
    }
    const mean = p.keys / after.length;
    let max = 0;
    let squares = 0;
    for (const h of after) {
      max = Math.max(max, keysAfter[h]);
      squares += (keysAfter[h] - mean) ** 2;
    }
    return {
      summary: {
        movedFraction: moved / p.keys,
        idealMovedFraction: adding ? 1 / (n + 1) : 1 / n,
        excessMovedFraction: excess / p.keys,
        maxOverMean: max / mean,
        relativeStdev: Math.sqrt(squares / after.length) / mean,
        ...ledger.counts(),
      },
      moves: keys.slice(0, SAMPLE_KEYS).map((key, i) => ({ key, from: ids[was[i]], to: ids[now[i]] })),
      backends: ids.map((id, i) => ({ id, keysBefore: keysBefore[i], keysAfter: keysAfter[i] })),
      changedBackend: changed,
    };
  },
});
