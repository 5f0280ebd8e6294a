/**
 * Mitzenmacher's supermarket model ("The Power of Two Choices in Randomized
 * Load Balancing", 1996/2001): n FIFO servers of rate 1, Poisson arrivals at
 * rate λn, each arrival joining the shortest of d servers chosen uniformly at
 * random. As n → ∞ the fraction of servers with at least i customers tends
 * to the fixed point
 *
 *   s_i = λ^((d^i − 1)/(d − 1))    (d >= 2),     s_i = λ^i    (d = 1, M/M/1),
 *
 * and by Little's law (mean customers per server Σ s_i, arrival rate λ per
 * server) the mean time in system is
 *
 *   T_d(λ) = Σ_{i>=1} λ^((d^i − d)/(d − 1))    (d >= 2),     1/(1 − λ)    (d = 1).
 *
 * For d >= 2 the tail falls doubly exponentially, so T_d stays small even
 * as λ → 1: with λ = 0.99, T_1 = 100 and T_2 ≈ 6.
 */

function checkUtilization(lambda: number): void {
  if (!(lambda >= 0 && lambda < 1)) throw new RangeError(`utilization must be in [0, 1), got ${lambda}`);
}

function checkChoices(d: number): void {
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`choices must be an integer >= 1, got ${d}`);
}

/** The exponent of λ in s_i: (d^i − 1)/(d − 1) = 1 + d + ... + d^(i−1), which is i for d = 1. */
function tailExponent(i: number, d: number): number {
  let sum = 0;
  let power = 1;
  for (let k = 0; k < i; k++) {
    sum += power;
    power *= d;
  }
  return sum;
}

/** The limiting fraction of servers with at least `i` customers. */
export function supermarketTail(lambda: number, d: number, i: number): number {
  checkUtilization(lambda);
  checkChoices(d);
  if (!(Number.isInteger(i) && i >= 0)) throw new RangeError(`level must be an integer >= 0, got ${i}`);
  return Math.pow(lambda, tailExponent(i, d));
}

/** The limiting mean time in system, in mean service times. */
export function supermarketMeanTime(lambda: number, d: number): number {
  checkUtilization(lambda);
  checkChoices(d);
  if (d === 1) return 1 / (1 - lambda);
  if (lambda === 0) return 1;
  // Σ s_i / λ; the terms fall doubly exponentially, so a few dozen suffice even at λ = 0.999.
  let sum = 0;
  for (let i = 1; i < 200; i++) {
    const s = Math.pow(lambda, tailExponent(i, d));
    sum += s;
    if (s < 1e-17) break;
  }
  return sum / lambda;
}
