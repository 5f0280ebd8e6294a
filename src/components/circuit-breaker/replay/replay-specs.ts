import { numberParam, type ParamValues } from '../../../params/params.ts';
import { breakerOutageSpec } from '../../../../simulations/scenarios/specs/breaker-outage.ts';

const p = breakerOutageSpec.params;

/**
 * The scenario's parameters as controls: the breaker first (what the reader
 * tunes), then the outage, then the callers and the run.
 */
export const replaySpecs = {
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

export type ReplaySpecs = typeof replaySpecs;
export type ReplayValues = ParamValues<ReplaySpecs>;

/**
 * View state: where the replay stands, in seconds of simulated time. It
 * lives in the URL (`breaker.t=22`) with the same lenient parsing and
 * notices as a parameter, but no run depends on it: scrubbing never reruns
 * anything. Its range is the longest possible run; the scrubber's is the
 * run's own.
 */
export const replayViewSpecs = { t: numberParam({ label: 'Replay time', unit: 's', default: 0, min: 0, max: p.duration.max, step: 0.1 }) };
