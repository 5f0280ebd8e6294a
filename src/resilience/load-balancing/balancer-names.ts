// The balancers' names and labels apart from their code: what a page needs to offer them, without loading them.

/** The balancers that spread requests without a key. */
export const keylessBalancerNames = ['round-robin', 'smooth-weighted-round-robin', 'random', 'weighted-random', 'least-outstanding', 'least-request', 'peak-ewma'] as const;

/** The balancers that keep a key on the same host (consistent hashing and its baseline). */
export const keyedBalancerNames = ['modulo-hash', 'ring-hash', 'maglev'] as const;

/** Every balancer by its URL/CLI name, so scenarios and widgets can offer them as one enum. */
export const balancerNames = [...keylessBalancerNames, ...keyedBalancerNames] as const;

export type BalancerName = (typeof balancerNames)[number];

export const balancerLabels: Readonly<Record<BalancerName, string>> = {
  'round-robin': 'Round robin',
  'smooth-weighted-round-robin': 'Smooth weighted round robin',
  random: 'Random',
  'weighted-random': 'Weighted random',
  'least-outstanding': 'Least outstanding (full scan)',
  'least-request': 'Least request (power of d choices)',
  'peak-ewma': 'Peak EWMA (two choices)',
  'modulo-hash': 'Hash modulo n',
  'ring-hash': 'Ring hash',
  maglev: 'Maglev',
};
