import { describe, expect, it } from 'vitest';
import { checkNumber, checkOneOf, describeRange, inRange } from '../../../src/resilience/options/validate.ts';

describe('checkNumber', () => {
  it('returns a value inside the range', () => {
    expect(checkNumber('x', 3, { min: 1, max: 3, integer: true })).toBe(3);
    expect(checkNumber('x', Infinity, { min: 1, infinity: true })).toBe(Infinity);
  });

  it('names the option, its value and the range', () => {
    expect(() => checkNumber('maxConcurrent', 0, { min: 1, integer: true })).toThrow(new RangeError('maxConcurrent must be an integer >= 1, got 0'));
    expect(() => checkNumber('ratio', 1.5, { above: 0, max: 1 })).toThrow(new RangeError('ratio must be a finite number in (0, 1], got 1.5'));
    expect(() => checkNumber('deadlineMs', -1, { above: 0, infinity: true })).toThrow(new RangeError('deadlineMs must be a number > 0 or Infinity, got -1'));
    expect(() => checkNumber('p', 2, { below: 1 })).toThrow(new RangeError('p must be a finite number < 1, got 2'));
  });

  it('refuses NaN always, and Infinity unless the range allows it', () => {
    expect(inRange(NaN, {})).toBe(false);
    expect(inRange(NaN, { infinity: true })).toBe(false);
    expect(inRange(Infinity, { min: 0 })).toBe(false);
    expect(inRange(-Infinity, { infinity: true })).toBe(false);
    expect(inRange(Infinity, { max: 10, infinity: true })).toBe(false);
  });

  it('refuses fractions where an integer is asked for', () => {
    expect(inRange(1.5, { integer: true })).toBe(false);
    expect(describeRange({ integer: true })).toBe('an integer');
  });
});

describe('checkOneOf', () => {
  it('lists the allowed choices', () => {
    expect(checkOneOf('jitter', 'full', ['none', 'full'])).toBe('full');
    expect(() => checkOneOf('jitter', 'half' as 'none', ['none', 'full'])).toThrow(new RangeError("jitter must be one of 'none', 'full', got half"));
  });
});
