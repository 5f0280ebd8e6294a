import { availabilitySpec } from '../../../../simulations/scenarios/specs/availability.ts';

const p = availabilitySpec.params;

/** The topology and its parts: how many, how often they fail, how long repair and failover take, and how long to simulate. */
export const availabilitySpecs = { topology: p.topology, replicas: p.replicas, mtbf: p.mtbf, mttr: p.mttr, failoverMs: p.failoverMs, years: p.years };

export type AvailabilitySpecs = typeof availabilitySpecs;
