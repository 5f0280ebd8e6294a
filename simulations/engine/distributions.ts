import { randomUniform } from 'd3-random';
import type { RandomSource } from '../../src/resilience/random.ts';
import { lcgStreamOf } from './random-streams.ts';

/**
 * A distribution of a positive quantity (a service time, a think time), as
 * data, so a model's options can be compared, printed and stored. `sampler`
 * turns it into draws from one named random stream, through d3-random's
 * seeded generators.
 */
export type Distribution =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** exp(Normal(ln median, sigma)): a long right tail, as real service times have. */
  | { readonly kind: 'log-normal'; readonly median: number; readonly sigma: number };

export function sampler(d: Distribution, random: RandomSource): () => number {
  switch (d.kind) {
    case 'constant': {
      const v = d.value;
      return () => v;
    }
    case 'exponential':
      return exponentialDraws(1 / d.mean, random);
    case 'uniform':
      return randomUniform.source(random)(d.min, d.max);
    case 'log-normal':
      return logNormalDraws(Math.log(d.median), d.sigma, random);
  }
}

/**
 * d3-random's `randomLogNormal.source(random)(mu, sigma)` written out, the
 * very same values: Marsaglia's polar method makes two normal draws from one
 * accepted pair of uniforms and one radius r. d3 computes
 * sqrt(-2 ln r / r) once per draw; here it is kept for the pair's second
 * draw (the same r, so the same number), and the draw is one closure call
 * instead of three (log-normal, normal, the stream).
 */
export function logNormalDraws(mu: number, sigma: number, random: RandomSource): () => number {
  let spare = 0;
  let hasSpare = false;
  let factor = 0;
  return () => {
    let y: number;
    if (hasSpare) {
      y = spare;
      hasSpare = false;
    } else {
      let x: number;
      let r: number;
      do {
        x = random() * 2 - 1;
        y = random() * 2 - 1;
        r = x * x + y * y;
      } while (!r || r > 1);
      spare = x;
      hasSpare = true;
      factor = Math.sqrt((-2 * Math.log(r)) / r);
    }
    return Math.exp(mu + sigma * y * factor);
  };
}

/**
 * Exponential draws at rate `lambda` from `random`: d3-random's
 * randomExponential formula written out, the very same values, with one
 * closure call fewer per draw on the simulator's hottest paths (service
 * times, Poisson arrivals). From a stream of RandomStreams, the
 * `-log1p(-u)` part comes from the stream's batch (see LcgStream).
 */
export function exponentialDraws(lambda: number, random: RandomSource): () => number {
  const stream = lcgStreamOf(random);
  if (stream) return () => stream.standardExponential() / lambda;
  return () => -Math.log1p(-random()) / lambda;
}

export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'log-normal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
  }
}
