/** Nearest-rank quantiles of a list of latencies, ms. */
export function latencySummary(latencies: number[]): { p50: number; p90: number; p99: number; max: number } {
  const s = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => (s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(q(0.5)), p90: round(q(0.9)), p99: round(q(0.99)), max: round(s.length ? s[s.length - 1] : 0) };
}
