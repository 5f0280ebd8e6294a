import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { availabilityCharts } from './availability-charts.ts';
import { planAvailability, previewAvailability } from './availability-plan.ts';
import { availabilitySpecs, type AvailabilitySpecs } from './availability-specs.ts';
import { reduceAvailability } from './availability-view.ts';

/** Compare starts from A with one more replica, or with a tenth of the failover gap when A already has several. */
function suggestB(a: ParamValues<AvailabilitySpecs>): ParamValues<AvailabilitySpecs> {
  return a.replicas < 3 ? { ...a, replicas: a.replicas + 1 } : { ...a, failoverMs: Math.round(a.failoverMs / 10_000) * 1000 };
}

export const availabilityWidget = defineWidget({
  id: 'availability',
  title: 'Availability: what redundancy buys, and where it stops',
  description:
    'Replicas fail and are repaired at random (exponential times with the given means), over a long simulated horizon. In parallel any replica is enough, and each failure of the one carrying traffic costs a failover gap; in series every part is needed.',
  specs: availabilitySpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'default', label: 'Two replicas, a 10 s failover', values: {} },
    { id: 'one', label: 'One replica', values: { replicas: 1 } },
    { id: 'no-gap', label: 'Instant failover: the textbook formula', values: { failoverMs: 0 } },
    { id: 'slow-failover', label: 'Five replicas, a 5 minute failover', values: { replicas: 5, failoverMs: 300_000 } },
    { id: 'serial', label: 'Three parts in series', values: { topology: 'serial', replicas: 3 } },
    { id: 'compare-gap', label: 'Compare: a 10 s failover vs 1 s', values: {}, compareWith: { failoverMs: 1000 } },
  ],
  suggestB,
  plan: planAvailability,
  preview: previewAvailability,
  reduce: reduceAvailability,
  figures: availabilityCharts,
});
