import { describe, expect, it } from 'vitest';
import { booleanParam, enumParam, intParam, numberParam } from '../../../../src/params/params.ts';
import { formatParamValue } from '../../../../src/components/frame/controls/format-param.ts';

describe('formatParamValue', () => {
  it('shows numbers with the step’s precision and the unit, enums by label, booleans as on/off', () => {
    expect(formatParamValue(intParam({ label: 'cap', unit: 'ms', min: 100, max: 60_000, default: 2000 }), 2000)).toBe('2,000 ms');
    expect(formatParamValue(numberParam({ label: 'p', min: 0, max: 1, step: 0.01, default: 0.5 }), 0.5)).toBe('0.50');
    expect(formatParamValue(enumParam({ label: 'b', default: 'a', options: ['a', 'b'] as const, optionLabels: { b: 'Bee' } }), 'b')).toBe('Bee');
    expect(formatParamValue(booleanParam({ label: 'c', default: false }), true)).toBe('on');
  });
});
