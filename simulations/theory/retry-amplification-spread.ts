/**
 * How much the calls reaching the dependency vary from one top-level request
 * to the next, in the retry-amplification model (see
 * ../scenarios/retry-amplification.ts): what a run's precision follows, so a
 * widget can simulate as many requests as a given precision needs and no
 * more. Its mean is `expectedAmplification`'s last tier.
 *
 * Let X be the dependency calls one call received by a tier leads to, and S
 * whether that call succeeds. The tier above makes attempts until one
 * succeeds or r + 1 have failed; the attempts' (X, S) are independent and
 * alike, but X and S are not independent of each other (a failed attempt
 * made more calls below). So the recursion carries the first two moments of
 * X given success and given failure, from the dependency (X = 1) up: a call
 * that succeeds at attempt i made i − 1 failed attempts and one successful
 * one; a call that fails made r + 1 failed ones.
 */
export interface AmplificationSpread {
  /** Expected dependency calls per top-level request. */
  readonly mean: number;
  /** Their variance over top-level requests. */
  readonly variance: number;
}

/** Moments of X given success (s) and given failure (f); p is the success probability. */
interface TierMoments {
  readonly p: number;
  readonly meanS: number;
  readonly squareS: number;
  readonly meanF: number;
  readonly squareF: number;
}

export function amplificationSpread(layers: number, retries: number, failureRate: number): AmplificationSpread {
  // The dependency: one call, which succeeds with probability 1 − failureRate.
  let m: TierMoments = { p: 1 - failureRate, meanS: 1, squareS: 1, meanF: 1, squareF: 1 };
  for (let k = 0; k < layers; k++) m = tierAbove(m, retries + 1);
  const q = 1 - m.p;
  const mean = m.p * m.meanS + q * m.meanF;
  const square = m.p * m.squareS + q * m.squareF;
  // Rounding can leave a zero variance a hair below 0.
  return { mean, variance: Math.max(0, square - mean * mean) };
}

function tierAbove(below: TierMoments, maxAttempts: number): TierMoments {
  const q = 1 - below.p;
  const varS = below.squareS - below.meanS * below.meanS;
  const varF = below.squareF - below.meanF * below.meanF;
  // Success at attempt i (probability q^(i−1) p): i − 1 failed attempts, then a successful one.
  let p = 0;
  let meanS = 0;
  let squareS = 0;
  let weight = below.p;
  for (let failed = 0; failed < maxAttempts; failed++) {
    const mean = failed * below.meanF + below.meanS;
    p += weight;
    meanS += weight * mean;
    squareS += weight * (failed * varF + varS + mean * mean);
    weight *= q;
  }
  // Failure: maxAttempts failed attempts.
  const meanF = maxAttempts * below.meanF;
  const squareF = maxAttempts * varF + meanF * meanF;
  // With p = 0 (an outage) the success moments are never weighed; keep them finite.
  return { p, meanS: p > 0 ? meanS / p : 0, squareS: p > 0 ? squareS / p : 0, meanF, squareF };
}
