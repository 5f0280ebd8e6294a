import { retryStormSpec } from '../../../../simulations/scenarios/specs/retry-storm.ts';

const p = retryStormSpec.params;

/**
 * The scenario's parameters the widget shows, what protects first, then the
 * load. The service's own model (service time, contention, queue capacity)
 * stays at the scenario's defaults: it is the patient, not the treatment.
 */
export const stormSpecs = {
  budget: p.budget,
  backoff: p.backoff,
  retries: p.retries,
  cancellation: p.cancellation,
  queueing: p.queueing,
  timeout: p.timeout,
  baseRate: p.baseRate,
  spikeRate: p.spikeRate,
  spikeStart: p.spikeStart,
  spikeDuration: p.spikeDuration,
  duration: p.duration,
  workers: p.workers,
};

export type StormSpecs = typeof stormSpecs;
