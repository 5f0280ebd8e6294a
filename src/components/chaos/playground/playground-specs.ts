import { faultInjectionSpec } from '../../../../simulations/scenarios/specs/fault-injection.ts';

const p = faultInjectionSpec.params;

/**
 * What the reader changes: the injector and its settings first, then the
 * pipeline around it, then the real service's own failures. The service's
 * speed and the number of calls stay at the scenario's defaults.
 */
export const playgroundSpecs = {
  injector: p.injector,
  injectionRate: p.injectionRate,
  injectedLatency: p.injectedLatency,
  behaviorMs: p.behaviorMs,
  position: p.position,
  retry: p.retry,
  timeout: p.timeout,
  timeoutMs: p.timeoutMs,
  serviceErrors: p.serviceErrors,
};

export type PlaygroundSpecs = typeof playgroundSpecs;
