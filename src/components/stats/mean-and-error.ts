/** The mean of a sample and its standard error (sample standard deviation / √n; 0 for a single value). */
export function meanAndError(xs: readonly number[]): { mean: number; error: number } {
  const n = xs.length;
  if (n === 0) return { mean: 0, error: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, error: 0 };
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, error: Math.sqrt(variance / n) };
}
