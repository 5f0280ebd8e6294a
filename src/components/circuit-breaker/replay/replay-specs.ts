import { numberParam, type ParamValues } from '../../../params/params.ts';
import { breakerOutage } from '../../../../simulations/scenarios/breaker-outage.ts';

const p = breakerOutage.params;

/**
 * The scenario's parameters as controls: the breaker first (what the reader
 * tunes), then the outage, then the callers and the run.
 */
export const replayControlSpecs = {
  breaker: p.breaker,
  failureRateThreshold: p.failureRateThreshold,
  window: p.window,
  windowSize: p.windowSize,
  windowDuration: p.windowDuration,
  minimumCalls: p.minimumCalls,
  openDuration: p.openDuration,
  halfOpenProbes: p.halfOpenProbes,
  outageMode: p.outageMode,
  outageStart: p.outageStart,
  outageDuration: p.outageDuration,
  timeout: p.timeout,
  retries: p.retries,
  rate: p.rate,
  duration: p.duration,
};

export type ReplayControlSpecs = typeof replayControlSpecs;
export type ReplayControlValues = ParamValues<ReplayControlSpecs>;

/**
 * Where the replay stands, in seconds of simulated time. It is declared like
 * a parameter so that it lives in the URL (`breaker.t=22`) with the same
 * lenient parsing and notices, but no run depends on it: the plan leaves it
 * out. Its range is the longest possible run; the scrubber's is the run's own.
 */
export const replayTimeSpec = numberParam({ label: 'Replay time', unit: 's', default: 0, min: 0, max: p.duration.max, step: 0.1 });

export const replaySpecs = { ...replayControlSpecs, t: replayTimeSpec };

export type ReplaySpecs = typeof replaySpecs;

/** The values that make a run: everything but the replay time. */
export function controlValues(v: ParamValues<ReplaySpecs>): ReplayControlValues {
  const out = {} as Record<string, unknown>;
  for (const k of Object.keys(replayControlSpecs)) out[k] = v[k as keyof ReplayControlValues];
  return out as ReplayControlValues;
}
