import { randomLcg } from 'd3-random';
import type { RandomSource } from '../../src/resilience/random.ts';

/**
 * One seed per run, many independent named streams derived from it.
 *
 * Each part of a model draws from its own stream ("arrivals", "service",
 * "jitter", ...), so adding a random draw in one place does not shift every
 * other draw of the run: changing a retry policy leaves the arrival times
 * exactly as they were, which is what makes an A/B comparison on the same
 * seed a fair one.
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomSource>();

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  }

  /** The stream called `name`: the same name gives the same sequence for the same seed. */
  stream(name: string): RandomSource {
    let s = this.streams.get(name);
    if (!s) {
      s = randomLcg(deriveSeed(this.seed, name));
      this.streams.set(name, s);
    }
    return s;
  }
}

/**
 * Mixes a run seed and a stream name into a 32-bit seed (FNV-1a over the name,
 * then a murmur3 finalizer), so neighbouring seeds and similar names land far
 * apart on the generator's cycle.
 */
export function deriveSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed | 0) ^ Math.floor(seed / 0x100000000);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
