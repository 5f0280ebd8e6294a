/**
 * The expected maximum load when m balls (requests that never finish) are
 * placed one by one into n bins (backends), each into the least loaded of d
 * bins drawn uniformly at random with replacement (d = 1: a random bin).
 *
 * The classical results are asymptotic and too coarse to check a simulation
 * against at practical sizes: for m = n and d = 1 the maximum is
 * ln n / ln ln n · (1 + o(1)), which is 3.6 for n = 1000 when the real value
 * is near 5.6; for d >= 2 it is m/n + ln ln n / ln d + O(1) (Azar, Broder,
 * Karlin, Upfal 1999; Berenbrink, Czumaj, Steger, Vöcking 2006), with the
 * O(1) unknown. So this module computes what those results are limits of:
 *
 * 1. The fraction s_i(t) of bins holding at least i balls after t·n balls,
 *    in the large-n limit (Mitzenmacher's fluid limit, via Kurtz's theorem):
 *
 *      ds_i/dt = s_{i-1}^d − s_i^d,   s_0 = 1,   s_i(0) = 0 for i >= 1,
 *
 *    since a ball raises a bin from i − 1 to i exactly when the least loaded
 *    of its d choices holds i − 1. For d = 1 the solution is the Poisson
 *    tail s_i(t) = P(Poisson(t) >= i), computed in closed form; for d >= 2
 *    it is integrated numerically (RK4).
 * 2. The maximum of n bins, treating them as independent with those tails:
 *
 *      E[max load] ≈ Σ_{i>=1} (1 − (1 − s_i)^n).
 *
 * For d = 1 that is the expected maximum of n independent Poisson(m/n)
 * loads (which tends to m/n + sqrt(2 (m/n) ln n) for m >> n ln n). For
 * d >= 2 the tails fall doubly exponentially, s_i ≈ s_{i−1}^d, so the sum
 * reaches its plateau within a level or two of where n·s_i crosses 1: the
 * ln ln n / ln d of the classical bound, with its constant made explicit.
 */

/** Past this many balls per bin, d >= 2 loads have settled into a shape that only moves up one level per ball per bin. */
const SETTLED_AFTER = 30;
/** Step of the RK4 integration, in balls per bin. */
const STEP = 0.02;
/** Levels above the mean load kept by the d >= 2 integration; s_i falls doubly exponentially above the mean, so it is below 1e-300 long before. */
const LEVELS_ABOVE = 40;

/** E[max load] for each ball count in `ballCounts` (any order), n bins, d choices. */
export function expectedMaxLoads(ballCounts: readonly number[], bins: number, choices: number): number[] {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`bins must be an integer >= 1, got ${bins}`);
  if (!(Number.isInteger(choices) && choices >= 1)) throw new RangeError(`choices must be an integer >= 1, got ${choices}`);
  for (const m of ballCounts) if (!(Number.isInteger(m) && m >= 0)) throw new RangeError(`ball counts must be integers >= 0, got ${m}`);
  if (bins === 1) return ballCounts.map((m) => m);
  return choices === 1 ? ballCounts.map((m) => poissonExpectedMax(m / bins, bins)) : fluidExpectedMaxLoads(ballCounts, bins, choices);
}

/** E[max load] for one ball count. */
export function expectedMaxLoad(balls: number, bins: number, choices: number): number {
  return expectedMaxLoads([balls], bins, choices)[0];
}

/** Σ_i (1 − (1 − s_i)^n) given the tail fractions s_1, s_2, ... (levels below `firstLevel` have s_i = 1). */
function expectedMaxFromTails(n: number, firstLevel: number, tails: ArrayLike<number>, lowerCdf: ArrayLike<number> | undefined): number {
  let sum = firstLevel - 1;
  for (let j = 0; j < tails.length; j++) {
    const s = tails[j];
    if (s <= 0) break;
    // (1 − s)^n, computed without losing s when it is tiny or 1 − s when it is.
    const logStay = lowerCdf && s > 0.5 ? n * Math.log(lowerCdf[j]) : n * Math.log1p(-s);
    sum += -Math.expm1(logStay);
  }
  return sum;
}

/**
 * E[max] of n independent Poisson(mean) variables, from Σ_{i>=1} P(max >= i).
 * The probabilities are summed from the mode outwards (p(k+1) = p(k)·mean/(k+1)),
 * so that neither tail is computed as 1 minus the other.
 */
function poissonExpectedMax(mean: number, n: number): number {
  if (mean === 0) return 0;
  // P(X >= i)·n is below 1e-17 beyond 10 standard deviations above the mean
  // for any n this module sees, and the maximum is above mean − 10 sd with
  // probability 1 − 1e-23: levels outside that window add exactly 1 or 0.
  const spread = 10 * Math.sqrt(mean) + 30;
  const lo = Math.max(0, Math.floor(mean - spread));
  const hi = Math.ceil(mean + spread);
  const mode = Math.floor(mean);
  const pmf = new Float64Array(hi - lo + 1);
  pmf[mode - lo] = Math.exp(logPoissonPmf(mode, mean));
  for (let k = mode + 1; k <= hi; k++) pmf[k - lo] = (pmf[k - 1 - lo] * mean) / k;
  for (let k = mode - 1; k >= lo; k--) pmf[k - lo] = (pmf[k + 1 - lo] * (k + 1)) / mean;
  // tails[j] = P(X >= lo + 1 + j), lower[j] = P(X <= lo + j), for levels i = lo + 1 + j.
  const levels = hi - lo;
  const tails = new Float64Array(levels);
  const lower = new Float64Array(levels);
  let acc = 0;
  for (let j = levels - 1; j >= 0; j--) {
    acc += pmf[j + 1];
    tails[j] = acc;
  }
  acc = 0;
  for (let j = 0; j < levels; j++) {
    acc += pmf[j];
    lower[j] = acc;
  }
  return expectedMaxFromTails(n, lo + 1, tails, lower);
}

/** ln P(Poisson(mean) = k). */
function logPoissonPmf(k: number, mean: number): number {
  return -mean + k * Math.log(mean) - logFactorial(k);
}

/** ln k!, exactly summed for small k, by Stirling's series beyond (error below 1e-12 there). */
function logFactorial(k: number): number {
  if (k < 30) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

/**
 * d >= 2: integrates the fluid limit once up to the largest time needed. Beyond
 * SETTLED_AFTER balls per bin the shape of the load distribution around its
 * mean no longer changes (Berenbrink et al.: the gap does not grow with m), so
 * t is reduced to t − k with k = floor(t − SETTLED_AFTER) and k is added back.
 */
function fluidExpectedMaxLoads(ballCounts: readonly number[], n: number, d: number): number[] {
  const reduced = ballCounts.map((m) => {
    const t = m / n;
    const k = t > SETTLED_AFTER ? Math.floor(t - SETTLED_AFTER) : 0;
    return { t: t - k, shift: k };
  });
  const order = reduced.map((_, i) => i).sort((a, b) => reduced[a].t - reduced[b].t);
  const tMax = order.length > 0 ? reduced[order[order.length - 1]].t : 0;
  const levels = Math.ceil(tMax) + LEVELS_ABOVE;
  const fluid = new FluidLimit(levels, d);
  const out = new Array<number>(ballCounts.length);
  let t = 0;
  for (const i of order) {
    const target = reduced[i].t;
    while (t < target) {
      const h = Math.min(STEP, target - t);
      fluid.step(h);
      t += h;
    }
    out[i] = expectedMaxFromTails(n, 1, fluid.s.subarray(1), undefined) + reduced[i].shift;
  }
  return out;
}

/** x^d for a small integer d, by multiplication (Math.pow is several times slower in this loop). */
function power(x: number, d: number): number {
  let y = x;
  for (let k = 1; k < d; k++) y *= x;
  return y;
}

/** One RK4 integrator for the fluid limit, with its work buffers allocated once. */
class FluidLimit {
  readonly s: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(
    levels: number,
    private readonly d: number,
  ) {
    this.s = new Float64Array(levels + 1);
    this.s[0] = 1;
    this.k1 = new Float64Array(levels + 1);
    this.k2 = new Float64Array(levels + 1);
    this.k3 = new Float64Array(levels + 1);
    this.k4 = new Float64Array(levels + 1);
    this.tmp = new Float64Array(levels + 1);
  }

  private derivative(s: Float64Array, out: Float64Array): void {
    let prev = 1; // s_0^d
    for (let i = 1; i < s.length; i++) {
      const cur = power(s[i], this.d);
      out[i] = prev - cur;
      prev = cur;
      // Above the front every level is 0 and stays 0 for this step.
      if (prev === 0) {
        out.fill(0, i + 1);
        return;
      }
    }
  }

  step(h: number): void {
    const { s, k1, k2, k3, k4, tmp } = this;
    const n = s.length;
    this.derivative(s, k1);
    for (let i = 1; i < n; i++) tmp[i] = s[i] + (h / 2) * k1[i];
    this.derivative(tmp, k2);
    for (let i = 1; i < n; i++) tmp[i] = s[i] + (h / 2) * k2[i];
    this.derivative(tmp, k3);
    for (let i = 1; i < n; i++) tmp[i] = s[i] + h * k3[i];
    this.derivative(tmp, k4);
    for (let i = 1; i < n; i++) s[i] = Math.min(1, Math.max(0, s[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])));
  }
}
