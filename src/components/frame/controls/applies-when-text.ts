import type { ParamSpec, ParamSpecs } from '../../../params/params.ts';

/** "Applies when Fault is errors or connection resets.": the condition of `spec.appliesWhen`, in the labels the reader sees. */
export function appliesWhenText(spec: ParamSpec, specs: ParamSpecs): string {
  const clauses = Object.entries(spec.appliesWhen ?? {}).map(([name, allowed]) => {
    const other = specs[name];
    const label = other?.label ?? name;
    const values = allowed.map((v) => {
      if (typeof v === 'boolean') return v ? 'on' : 'off';
      return other?.kind === 'enum' ? (other.optionLabels?.[v] ?? v) : v;
    });
    return `${label} is ${values.join(' or ')}`;
  });
  return `Applies when ${clauses.join(' and ')}.`;
}
