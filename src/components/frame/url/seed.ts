import { intParam } from '../../../params/params.ts';

/** Seeds are non-negative 32-bit integers: what the simulator's generator is keyed by. */
export const MAX_SEED = 2 ** 31 - 1;

/**
 * The seed declared like any other parameter, so a URL's seed is checked and
 * corrected by the same lenient parser (and reported the same way).
 */
export function seedSpecs(defaultSeed: number) {
  return { seed: intParam({ label: 'Seed', default: defaultSeed, min: 0, max: MAX_SEED }) } as const;
}
