/**
 * Envoy's success-rate outlier rule: across the hosts with enough requests
 * in the last interval, a host whose success rate is below
 *
 *   mean − stdevFactor × stdev
 *
 * is an outlier (population standard deviation; rates in percent). Envoy
 * configures the factor as an integer in thousandths, success_rate_stdev_factor
 * 1900 meaning 1.9. With rates {50, 100, 100, 100, 100}: mean 90, stdev 20,
 * threshold 90 − 1.9 × 20 = 52, so the host at 50 % is ejected.
 */
export function successRateEjectionThreshold(successRates: readonly number[], stdevFactor: number): { mean: number; stdev: number; threshold: number } {
  const n = successRates.length;
  if (n === 0) throw new RangeError('success-rate threshold needs at least one host');
  let sum = 0;
  for (const r of successRates) sum += r;
  const mean = sum / n;
  let squares = 0;
  for (const r of successRates) squares += (r - mean) * (r - mean);
  const stdev = Math.sqrt(squares / n);
  return { mean, stdev, threshold: mean - stdevFactor * stdev };
}
