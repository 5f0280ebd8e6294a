import type { NumberRange } from '../options/validate.ts';

/** Defaults of the failover mechanisms, stated once. Envoy's for priority failover. */
export const failoverDefaults = {
  /** Envoy's overprovisioning_factor 140 %. */
  overprovisioningFactor: 1.4,
  /** Envoy's healthy_panic_threshold. */
  panicThresholdPercent: 50,
  failTrafficOnPanic: false,
  /** How long a failed endpoint of an endpoint list is passed over. */
  coolDownMs: 30_000,
} as const;

export const failoverLimits = {
  overprovisioningFactor: { above: 0 },
  panicThresholdPercent: { min: 0, max: 100 },
  /** Hosts of a level, or endpoints of a list. */
  hosts: { min: 1, integer: true },
  /** failbackHoldMs and coolDownMs. */
  holdMs: { min: 0 },
} as const satisfies Record<string, NumberRange>;
