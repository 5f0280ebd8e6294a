import { enumParam, intParam } from '../../../src/params/params.ts';
import { jitterStrategies } from '../../../src/resilience/index.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { JitterContentionResult } from '../jitter-contention.ts';

const params = {
  clients: intParam({ label: 'Clients', default: 50, min: 1, max: 200, help: 'clients competing to write the same row, all starting at t = 0' }),
  strategy: enumParam({
    label: 'Backoff',
    default: 'full',
    options: jitterStrategies,
    optionLabels: {
      none: 'No backoff',
      exponential: 'Exponential, no jitter',
      equal: 'Equal jitter',
      full: 'Full jitter',
      decorrelated: 'Decorrelated jitter',
    },
    help: 'how long a client waits after a failed write before reading again',
  }),
  // base stays at or below the smallest cap, as decorrelated jitter requires.
  base: intParam({ label: 'Base delay', unit: 'ms', default: 5, min: 1, max: 100, help: 'the first wait grows from this' }),
  cap: intParam({ label: 'Cap', unit: 'ms', default: 2000, min: 100, max: 60_000, step: 100, scale: 'log', help: 'no wait is longer' }),
};

const summaryDoc = {
  calls: 'write requests the server received (the work contention costs)',
  completionTime: 'ms at which the last client learns that its write succeeded',
  reads: 'read requests the server received (one before every write)',
  succeededClients: 'clients whose write succeeded (all of them, once the run ends)',
  conflicts: 'writes refused because the version had changed since the read (calls - succeededClients)',
};

/** The `jitter-contention` scenario without its run code (`../jitter-contention.ts`): what a page needs to build its runs. */
export const jitterContentionSpec: ScenarioSpec<typeof params, JitterContentionResult> = {
  name: 'jitter-contention',
  title: 'Backoff and jitter under contention',
  description:
    "Brooker's 2015 experiment: N clients race to update one row with optimistic concurrency (read the version, write if unchanged) and back off after each conflict. Jitter spreads the retries; without it clients collide again in lockstep.",
  params,
  summaryDoc,
};
