import { enumParam, intParam } from '../../../src/params/params.ts';
import type { ScenarioSpec } from '../../scenario.ts';
import type { AvailabilityResult } from '../availability.ts';

const params = {
  replicas: intParam({ label: 'Replicas', default: 2, min: 1, max: 9 }),
  mtbf: intParam({ label: 'MTBF', unit: 'h', default: 1000, min: 1, max: 100_000, scale: 'log', help: 'Mean time between failures of one replica.' }),
  mttr: intParam({ label: 'MTTR', unit: 'min', default: 60, min: 1, max: 10_000, scale: 'log', help: 'Mean time to repair one replica.' }),
  topology: enumParam({
    label: 'Topology',
    default: 'parallel',
    options: ['parallel', 'serial'],
    optionLabels: { parallel: 'parallel: any replica is enough', serial: 'serial: every part is needed' },
  }),
  failoverMs: intParam({
    label: 'Failover gap',
    unit: 'ms',
    default: 10_000,
    min: 0,
    max: 600_000,
    step: 1000,
    help: 'Parallel only: time traffic needs to move when the replica carrying it fails and another is up.',
    appliesWhen: { topology: ['parallel'] },
  }),
  years: intParam({
    label: 'Horizon',
    unit: 'years',
    default: 100,
    min: 1,
    max: 1000,
    scale: 'log',
    help: 'Virtual time simulated (shortened if it would take more than 200 000 failures).',
  }),
};

/** The `availability` scenario without its run code (`../availability.ts`): what a page needs to build its runs. */
export const availabilitySpec: ScenarioSpec<typeof params, AvailabilityResult> = {
  name: 'availability',
  title: 'Availability: replicas, repairs and the failover gap',
  description:
    'Replicas fail and get repaired at random (MTBF, MTTR), in parallel or in series, each failover costing a gap. Measured availability and downtime per year against the closed form.',
  params,
  summaryDoc: {
    availability: 'fraction of the horizon during which the system was up',
    theory: 'closed form: 1 − (1 − A)^n in parallel, less λ·gap·P(at least two up) for the failover gaps; A^n in series; A = MTBF / (MTBF + MTTR)',
    downtimeMinutesPerYear: 'measured downtime, minutes per year',
    theoryDowntimeMinutesPerYear: 'downtime the closed form predicts, minutes per year',
    replicaAvailability: 'A = MTBF / (MTBF + MTTR) of one replica',
    failures: 'replica failures over the horizon',
    outages: 'times the system went down',
    failovers: 'failover gaps: failures of the replica carrying traffic while another was up',
    meanOutageMinutes: 'mean length of a system outage, minutes; 0 when there was none',
    horizonYears: 'years simulated',
    requests: 'synthetic probes, evenly spread over the horizon',
    succeeded: 'probes that found the system up',
    failed: 'probes that found the system down',
    rejected: 'none here',
    timedOut: 'none here',
    shed: 'none here',
  },
};
