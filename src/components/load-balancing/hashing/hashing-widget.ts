import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { hashingFigures } from './hashing-figures.tsx';
import { planHashing, previewHashing } from './hashing-plan.ts';
import { hashingSpecs, type HashingSpecs } from './hashing-specs.ts';
import { reduceHashing } from './hashing-view.ts';

/** Compare starts from the opposite change: adding a backend against removing one. */
function suggestB(a: ParamValues<HashingSpecs>): ParamValues<HashingSpecs> {
  return { ...a, change: a.change === 'add' ? 'remove' : 'add' };
}

export const hashingWidget = defineWidget({
  id: 'hash',
  title: 'Consistent hashing: which keys move',
  description:
    'The same keys routed by hash mod n, by ring hash and by Maglev, before and after one backend joins or leaves. The backends’ addresses and the keys are drawn from the seed.',
  specs: hashingSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'add', label: 'Add an eleventh backend', values: {} },
    { id: 'remove', label: 'Remove one of ten backends', values: { change: 'remove' } },
    { id: 'few-points', label: 'Ring hash with 5 points per backend: uneven', values: { ringPoints: 5 } },
    { id: 'large', label: 'A hundred backends', values: { backends: 100 } },
    { id: 'compare-change', label: 'Compare: adding vs removing a backend', values: {}, compareWith: { change: 'remove' } },
  ],
  suggestB,
  plan: planHashing,
  preview: previewHashing,
  reduce: reduceHashing,
  figures: hashingFigures,
});
