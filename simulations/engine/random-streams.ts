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
      const lcg = new LcgStream(deriveSeed(this.seed, name));
      s = lcg.draw;
      lcgOf.set(s, lcg);
      this.streams.set(name, s);
    }
    return s;
  }
}

/** d3-random's randomLcg constants: the same generator, the same numbers. */
const MUL = 0x19660d;
const INC = 0x3c6ef35f;
const EPS = 1 / 0x100000000;
/** Draws made ahead at a time once a stream has an exponential sampler. */
const BATCH = 64;

/**
 * A linear congruential generator with the very state, steps and output of
 * d3-random's `randomLcg(seed)`, plus exponential draws made ahead in
 * batches. An exponential draw is `-log1p(-u)`; `Math.log1p` is a call into
 * C whose latency (tens of ns) every event of a run waited for, one draw
 * after another. Computed 64 at a time in a loop of independent calls, the
 * processor overlaps them. Plain draws take the uniforms of the batch in
 * the same order, so every user of the stream still sees the generator's
 * sequence exactly as before, whatever it mixes.
 */
export class LcgStream {
  private state: number;
  private uniforms: Float64Array | undefined = undefined;
  private exponentials: Float64Array | undefined = undefined;
  /** The next unused draw of the batch, and the end of the batch. */
  private next = 0;
  private filled = 0;
  /** The stream as a random source: a uniform draw in [0, 1). */
  readonly draw: RandomSource = () => this.uniform();

  constructor(seed: number) {
    this.state = (0 <= seed && seed < 1 ? seed / EPS : Math.abs(seed)) | 0;
  }

  uniform(): number {
    if (this.next < this.filled) return this.uniforms![this.next++];
    this.state = (MUL * this.state + INC) | 0;
    return EPS * (this.state >>> 0);
  }

  /** -log1p(-u) for the stream's next uniform draw u: exponential with mean 1 (d3-random's formula). */
  standardExponential(): number {
    if (this.next === this.filled) this.refill();
    return this.exponentials![this.next++];
  }

  private refill(): void {
    const uniforms = (this.uniforms ??= new Float64Array(BATCH));
    const exponentials = (this.exponentials ??= new Float64Array(BATCH));
    let state = this.state;
    for (let i = 0; i < BATCH; i++) {
      state = (MUL * state + INC) | 0;
      const u = EPS * (state >>> 0);
      uniforms[i] = u;
      exponentials[i] = -Math.log1p(-u);
    }
    this.state = state;
    this.next = 0;
    this.filled = BATCH;
  }
}

/** The generator behind each random source RandomStreams handed out, for samplers that can use its batches. */
const lcgOf = new WeakMap<RandomSource, LcgStream>();

/** The LcgStream behind `random`, when it is a stream of RandomStreams. */
export function lcgStreamOf(random: RandomSource): LcgStream | undefined {
  return lcgOf.get(random);
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
