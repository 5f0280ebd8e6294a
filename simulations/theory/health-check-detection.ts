import type { ActiveHealthCheckOptions } from '../../src/resilience/health/index.ts';

/** How a failed host answers probes: 'hang' never answers (each probe fails at its timeout), 'refuse' fails each at once. */
export type ProbeFailureMode = 'hang' | 'refuse';

/**
 * The mean time active health checking takes to mark a host unhealthy after
 * it fails at a random moment (independent of the check schedule), for the
 * ActiveHealthCheck core's fixed cadence: a check starts every
 * G = interval + U(0, jitter) while answers come back fast, and every
 * max(G, timeout) while probes hang until their timeout.
 *
 *   D = R + (unhealthyThreshold − 1)·E[G_failing] + verdict
 *
 * R: the wait from the failure to the next check. The failure falls in a gap
 *   between healthy checks with probability proportional to the gap's length,
 *   so E[R] = E[G²] / (2 E[G]) (the residual life of a renewal process):
 *   interval/2 without jitter.
 * G_failing: the gap between failing checks, G when they fail at once,
 *   max(G, timeout) when they hang.
 * verdict: how long the last failing check takes, the timeout when it hangs,
 *   the probe's latency when refused.
 *
 * The worst case, every term at its maximum, is the core's
 * worstCaseDetectionMs: unhealthyThreshold × max(interval + jitter, timeout) + timeout.
 */
export function expectedActiveDetectionMs(o: ActiveHealthCheckOptions, mode: ProbeFailureMode, probeLatencyMs: number): number {
  const i = o.intervalMs;
  const j = o.intervalJitterMs ?? 0;
  const t = o.timeoutMs;
  const meanGap = i + j / 2;
  const meanSquareGap = meanGap * meanGap + (j * j) / 12;
  const residual = meanSquareGap / (2 * meanGap);
  if (mode === 'refuse') return residual + (o.unhealthyThreshold - 1) * meanGap + probeLatencyMs;
  return residual + (o.unhealthyThreshold - 1) * meanOfMax(i, j, t) + t;
}

/** E[max(i + U(0, j), t)]. */
function meanOfMax(i: number, j: number, t: number): number {
  if (t <= i) return i + j / 2;
  if (t >= i + j) return t;
  // Below t the maximum is t; above, the uniform itself.
  const below = (t - i) / j;
  return below * t + ((i + j) ** 2 - t * t) / (2 * j);
}
