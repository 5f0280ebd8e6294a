import { enumParam, intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { ConsistentHashingResult } from '../consistent-hashing.ts';

const methods = ['modulo', 'ring-hash', 'maglev'] as const;

export type Method = (typeof methods)[number];

const params = {
  keys: intParam({ label: 'Keys', default: 10_000, min: 100, max: 200_000, scale: 'log', help: 'Distinct request keys (user ids, cache keys), each looked up before and after the change.' }),
  backends: intParam({ label: 'Backends', default: 10, min: 2, max: 500, scale: 'log', help: 'n: backends before the change.' }),
  change: enumParam({ label: 'Change', default: 'add', options: ['add', 'remove'], optionLabels: { add: 'add a backend (n → n + 1)', remove: 'remove a backend (n → n − 1)' } }),
  method: enumParam({
    label: 'Method',
    default: 'ring-hash',
    options: methods,
    optionLabels: { modulo: 'hash mod n', 'ring-hash': 'ring hash (Karger)', maglev: 'Maglev' },
  }),
  ringPoints: intParam({ label: 'Ring points per backend', default: 100, min: 1, max: 500, scale: 'log', help: 'Ring hash only: more points even out the shares (spread ~ 1/√points).' }),
  maglevTableSize: intParam({
    label: 'Maglev table size',
    default: 65_537,
    min: 1_009,
    max: 200_003,
    scale: 'log',
    help: 'Maglev only: lookup table slots (the next prime at or above this is used); 65 537 is Envoy’s default. Shares are even to about one slot in table size / backends.',
  }),
};

/** The `consistent-hashing` scenario without its run code (`../consistent-hashing.ts`): what a page needs to build its runs. */
export const consistentHashingSpec: ScenarioSpec<typeof params, ConsistentHashingResult> = {
  name: 'consistent-hashing',
  title: 'Consistent hashing: which keys move',
  description:
    'Keys looked up before and after a backend is added or removed, by hash mod n, ring hash or Maglev: the fraction of keys that move against the 1/n that must, and how evenly keys spread.',
  params,
  summaryDoc: {
    movedFraction: 'fraction of keys whose backend changed',
    idealMovedFraction: 'the fewest any scheme can move: 1/(n + 1) when adding (the new backend’s fair share), 1/n when removing (the removed backend’s keys)',
    excessMovedFraction: 'fraction of keys moved between two backends present both before and after: moves nothing required',
    maxOverMean: 'keys on the fullest backend / mean keys per backend, after the change',
    relativeStdev: 'standard deviation / mean of the keys per backend, after the change',
    requests: 'lookups (each key once before and once after the change)',
    succeeded: 'lookups that found a backend (all of them)',
    failed: 'lookups that failed (none)',
    rejected: 'lookups with no backend (none)',
    timedOut: 'lookups abandoned (none)',
    shed: 'lookups turned away (none)',
  },
};
