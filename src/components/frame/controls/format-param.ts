import { format } from 'd3-format';
import type { ParamSpec } from '../../../params/params.ts';
import { decimals } from './slider-scale.ts';

/** A parameter's value as the reader sees it next to its control: "0.35", "2,000 ms", "token bucket". */
export function formatParamValue(p: ParamSpec, v: unknown): string {
  if (p.kind === 'boolean') return v ? 'on' : 'off';
  if (p.kind === 'enum') return p.optionLabels?.[v as string] ?? String(v);
  const n = v as number;
  const text = format(`,.${p.integer ? 0 : Math.min(6, decimals(p.step))}f`)(n);
  return p.unit ? `${text} ${p.unit}` : text;
}
