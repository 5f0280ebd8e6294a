import { describe, expect, it } from 'vitest';
import { defaultValues, enumParam, intParam } from '../../../../src/params/params.ts';
import { applyPreset, defaultState, matchingPreset, withCompare, type Preset } from '../../../../src/components/frame/url/widget-state.ts';

const specs = {
  retries: intParam({ label: 'Retries', default: 3, min: 0, max: 10 }),
  budget: enumParam({ label: 'Budget', default: 'none', options: ['none', 'token-bucket'] as const }),
};
type S = typeof specs;
const presets: Preset<S>[] = [
  { id: 'plain', label: 'Plain', values: {} },
  { id: 'budget', label: 'Budget', values: { budget: 'token-bucket' } },
  { id: 'ab', label: 'A/B', values: {}, compareWith: { budget: 'token-bucket' } },
];

describe('widget state transitions', () => {
  it('a preset starts from the defaults, keeps the seed, and sets compare mode as it says', () => {
    const s = { ...defaultState(specs, 5), values: { retries: 9, budget: 'none' as const } };
    const b = applyPreset(specs, s, presets[1]);
    expect(b).toEqual({ values: { retries: 3, budget: 'token-bucket' }, seed: 5, compare: false, valuesB: { retries: 3, budget: 'token-bucket' } });
    const ab = applyPreset(specs, { ...s, compare: true }, presets[2]);
    expect(ab.compare).toBe(true);
    expect(ab.valuesB).toEqual({ retries: 3, budget: 'token-bucket' });
  });

  it('the preset picker shows the preset the state is exactly at, or none', () => {
    const s = defaultState(specs, 1);
    expect(matchingPreset(specs, s, presets)?.id).toBe('plain');
    expect(matchingPreset(specs, applyPreset(specs, s, presets[2]), presets)?.id).toBe('ab');
    expect(matchingPreset(specs, { ...s, values: { ...s.values, retries: 4 } }, presets)).toBeUndefined();
    // Compare mode with B equal to A is not the plain preset.
    expect(matchingPreset(specs, { ...s, compare: true }, presets)).toBeUndefined();
  });

  it('switching compare on starts B from the suggestion, or from A', () => {
    const s = { ...defaultState(specs, 1), values: { retries: 1, budget: 'none' as const } };
    expect(withCompare(s, true).valuesB).toEqual(s.values);
    expect(withCompare(s, true, (a) => ({ ...a, budget: 'token-bucket' })).valuesB).toEqual({ retries: 1, budget: 'token-bucket' });
    expect(withCompare({ ...s, compare: true }, false).compare).toBe(false);
    expect(defaultValues(specs)).toEqual(defaultState(specs, 1).values);
  });
});
