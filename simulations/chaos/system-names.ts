// The simulated system's names apart from its code: what a page needs to offer them as choices, without loading the simulator.

/** The services of the simulated system, by the name an experiment's actions target. */
export const simulatedTargets = ['a', 'b', 'store'] as const;
export type SimulatedTarget = (typeof simulatedTargets)[number];

/** Which hops have the defences switched on: all three, the edge's two calls only, or B's call to the store only. */
export const defendedHops = ['all', 'edge', 'store'] as const;
export type DefendedHops = (typeof defendedHops)[number];
