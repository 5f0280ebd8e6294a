/**
 * Chance, injected: a function returning a uniform number in [0, 1).
 * `Math.random` fits in production; simulations and tests pass a seeded
 * source (d3-random's `randomLcg(seed)`), so every random choice a mechanism
 * makes can be replayed.
 */
export type RandomSource = () => number;

/** A uniform draw in [min, max). */
export function uniform(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random();
}
