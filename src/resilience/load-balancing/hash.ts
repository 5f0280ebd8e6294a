/**
 * A 53-bit hash for consistent hashing: two murmur3-style 32-bit lanes over
 * the same input, cross-mixed at the end and joined into one integer below
 * 2^53, so it stays exact in a JavaScript number (no BigInt on the hot path).
 * 53 bits are plenty: a ring of a million points collides with probability
 * about 10^-4, and Maglev only needs the value modulo a 16-bit prime.
 *
 * Deterministic across engines and runs, not cryptographic: it places hosts
 * and keys, it does not defend against an adversary choosing keys.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const LANE2_SEED = 0x9e3779b9;
const TWO_POW_32 = 4294967296;

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function join(h1: number, h2: number, length: number): number {
  h1 = avalanche(h1 ^ length);
  h2 = avalanche(h2 ^ length ^ h1);
  h1 = avalanche(h1 ^ h2);
  return (h2 & 0x1fffff) * TWO_POW_32 + (h1 >>> 0);
}

/** Hash of a string, an integer in [0, 2^53). Different seeds give unrelated hashes. */
export function hashString(s: string, seed = 0): number {
  let h1 = seed | 0;
  let h2 = (seed ^ LANE2_SEED) | 0;
  const n = s.length;
  let i = 0;
  // Two UTF-16 code units per 32-bit word: half the mixing steps of one per unit.
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h1 = mixWord(h1, w);
    h2 = mixWord(h2, w);
  }
  if (i < n) {
    const w = s.charCodeAt(i);
    h1 = mixWord(h1, w);
    h2 = mixWord(h2, w);
  }
  return join(h1, h2, n);
}

/**
 * Hash of a request key. Safe integers are mixed as two 32-bit words, which
 * avoids turning every numeric key into a string; anything else is hashed as
 * its string form.
 */
export function hashKey(key: string | number, seed = 0): number {
  if (typeof key === 'string') return hashString(key, seed);
  if (!Number.isSafeInteger(key)) return hashString(String(key), seed);
  const lo = key >>> 0;
  const hi = Math.floor(key / TWO_POW_32) | 0;
  let h1 = seed | 0;
  let h2 = (seed ^ LANE2_SEED) | 0;
  h1 = mixWord(mixWord(h1, lo), hi);
  h2 = mixWord(mixWord(h2, lo), hi);
  return join(h1, h2, 8);
}
