import { booleanParam, enumParam, intParam, numberParam } from '../../../src/params/params.ts';
import { defineScenario } from '../../../simulations/scenario.ts';
import type { ScenarioRegistry } from '../../../simulations/scenarios/index.ts';

/**
 * A scenario with one parameter of every kind, whose summary echoes what it
 * was given, so CLI tests can see exactly which values and seeds reached `run`.
 */
export const echo = defineScenario({
  name: 'echo',
  title: 'Echo',
  description: 'Returns its parameters and seed as the summary.',
  params: {
    arrivalRate: numberParam({ label: 'Arrival rate', unit: 'req/s', default: 2.5, min: 0, max: 10 }),
    workers: intParam({ label: 'Workers', default: 3, min: 1, max: 8 }),
    mode: enumParam({ label: 'Mode', default: 'fast', options: ['fast', 'slow'] }),
    cancel: booleanParam({ label: 'Cancel', default: false }),
  },
  summaryDoc: { seed: 'the seed of the run', arrivalRate: 'echoed', workers: 'echoed', slow: 'mode was slow', cancel: 'echoed' },
  run(p, seed) {
    return { summary: { seed, arrivalRate: p.arrivalRate, workers: p.workers, slow: p.mode === 'slow', cancel: p.cancel } };
  },
});

export const fakeRegistry: ScenarioRegistry = { echo };
