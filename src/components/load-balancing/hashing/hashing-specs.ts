import { consistentHashingSpec } from '../../../../simulations/scenarios/specs/consistent-hashing.ts';
import type { SeriesColor } from '../../charts/chart-model.ts';

const p = consistentHashingSpec.params;

/** The scenario's parameters without `method`: every method runs, on the same keys and the same backends. */
export const hashingSpecs = {
  backends: p.backends,
  change: p.change,
  keys: p.keys,
  ringPoints: p.ringPoints,
  maglevTableSize: p.maglevTableSize,
};

export type HashingSpecs = typeof hashingSpecs;

export const methods = [
  { method: 'modulo', label: 'Hash mod n', color: 1 },
  { method: 'ring-hash', label: 'Ring hash', color: 2 },
  { method: 'maglev', label: 'Maglev', color: 4 },
] as const satisfies readonly { method: string; label: string; color: SeriesColor }[];

export type HashMethod = (typeof methods)[number]['method'];
