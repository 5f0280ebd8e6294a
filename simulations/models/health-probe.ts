import type { RandomSource } from '../../src/resilience/random.ts';
import type { FaultSchedule } from './fault-schedule.ts';

/** What a health probe got back: its verdict and when it came; latencyMs Infinity when no answer ever comes. */
export interface ProbeAnswer {
  readonly ok: boolean;
  readonly latencyMs: number;
}

/**
 * A health endpoint, as a model: a light request that skips the service's
 * queue (a probe is not stuck behind the work it is checking on) but goes
 * through the same faults as real traffic.
 * - an outage that fails fast refuses the probe at once; a hanging one
 *   never answers, so only the checker's timeout ends the probe;
 * - added latency delays the answer, which fails once it passes the timeout;
 * - the service's error probability, error spikes included, fails the probe
 *   as often as it fails requests: a deep check, which is what lets a flaky
 *   host fail its checks now and then.
 * One draw per probe, whatever the fault, so probes at different times of a
 * run stay aligned on the random stream.
 */
export function probeAnswer(faults: FaultSchedule, errorProbability: number, now: number, random: RandomSource, baseLatencyMs: number): ProbeAnswer {
  const draw = random();
  const outage = faults.outageAt(now);
  if (outage === 'hang') return { ok: false, latencyMs: Infinity };
  if (outage === 'fail-fast') return { ok: false, latencyMs: baseLatencyMs };
  return { ok: draw >= faults.errorProbabilityAt(now, errorProbability), latencyMs: baseLatencyMs + faults.addedLatencyAt(now) };
}
