import { describe, expect, it } from 'vitest';
import { appliesWhenText } from '../../src/components/frame/controls/applies-when-text.ts';
import { defaultValues, paramApplies, type ParamSpecs } from '../../src/params/params.ts';
import { scenarios } from '../../simulations/index.ts';
import { smallRunBounds } from '../simulations/small-params.ts';

const withCondition = Object.values(scenarios).flatMap((s) =>
  Object.entries(s.params as ParamSpecs)
    .filter(([, spec]) => spec.appliesWhen)
    .map(([name, spec]) => ({ scenario: s, name, spec })),
);

describe('appliesWhen: a parameter that matters only under some values of others', () => {
  it('is declared where a control would otherwise move nothing (fault settings, window kinds, a failover gap)', () => {
    expect(withCondition.map((c) => `${c.scenario.name}.${c.name}`).sort()).toEqual([
      'availability.failoverMs',
      'breaker-outage.windowDuration',
      'breaker-outage.windowSize',
      'chaos-experiment.addedLatency',
      'chaos-experiment.capacityRemaining',
      'chaos-experiment.faultRate',
      'fault-injection.behaviorMs',
      'fault-injection.injectedLatency',
      'fault-injection.timeoutMs',
    ]);
  });

  it.each(withCondition)('$scenario.name.$name names parameters of its own scenario and values they can take', ({ scenario, spec }) => {
    const specs = scenario.params as ParamSpecs;
    for (const [other, allowed] of Object.entries(spec.appliesWhen!)) {
      const o = specs[other];
      expect(o, other).toBeDefined();
      const valid: readonly (string | boolean)[] = o.kind === 'enum' ? o.options : o.kind === 'boolean' ? [true, false] : [];
      for (const v of allowed) expect(valid).toContain(v);
    }
  });

  // The claim behind a disabled control: under a value where the parameter does
  // not apply, moving it from its minimum to its maximum changes nothing at all.
  it.each(withCondition)('$scenario.name.$name: where it does not apply, its value changes no result', ({ scenario, name, spec }) => {
    const specs = scenario.params as ParamSpecs;
    const base: Record<string, unknown> = { ...defaultValues(specs) };
    for (const [k, b] of Object.entries(smallRunBounds[scenario.name] ?? {})) {
      const p = specs[k];
      if (p.kind === 'number') base[k] = Math.min(Math.max(base[k] as number, b.min ?? -Infinity), b.max ?? Infinity);
    }
    for (const [other, allowed] of Object.entries(spec.appliesWhen!)) {
      const o = specs[other];
      const all: readonly (string | boolean)[] = o.kind === 'enum' ? o.options : [true, false];
      const off = all.filter((v) => !allowed.includes(v));
      for (const v of off) {
        const at = (x: number) => JSON.stringify(scenario.run({ ...base, [other]: v, [name]: x } as never, 3));
        if (spec.kind !== 'number') throw new Error('only number parameters carry a condition so far');
        expect(paramApplies(spec, { ...base, [other]: v })).toBe(false);
        expect(at(spec.max)).toBe(at(spec.min));
      }
    }
  });

  it('is taken as met for a parameter the values do not carry, and reads as the reader sees the controls', () => {
    const specs: ParamSpecs = {
      fault: { kind: 'enum', label: 'Fault', default: 'latency', options: ['latency', 'errors', 'resets'], optionLabels: { resets: 'connection resets' } },
      timeout: { kind: 'boolean', label: 'Timeout', default: true },
      rate: {
        kind: 'number',
        label: 'Fault rate',
        default: 0.5,
        min: 0,
        max: 1,
        step: 0.1,
        integer: false,
        appliesWhen: { fault: ['errors', 'resets'], timeout: [true] },
      },
    };
    expect(paramApplies(specs.rate, { fault: 'errors', timeout: true })).toBe(true);
    expect(paramApplies(specs.rate, { fault: 'latency', timeout: true })).toBe(false);
    expect(paramApplies(specs.rate, { fault: 'errors', timeout: false })).toBe(false);
    expect(paramApplies(specs.rate, {})).toBe(true);
    expect(appliesWhenText(specs.rate, specs)).toBe('Applies when Fault is errors or connection resets and Timeout is on.');
  });
});
