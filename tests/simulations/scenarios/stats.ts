/** Sample mean and standard error of the mean (sample standard deviation / √n). */
export function meanAndStandardError(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length;
  if (n < 2) throw new RangeError('need at least two samples for a standard error');
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}
