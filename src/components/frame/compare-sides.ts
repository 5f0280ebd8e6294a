import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import type { WidgetState } from './url/widget-url.ts';

/** One set of settings a widget runs: A alone (label ''), or A and B in compare mode. */
export interface CompareSide<S extends ParamSpecs> {
  readonly label: '' | 'A' | 'B';
  readonly values: ParamValues<S>;
}

/**
 * The sides a state asks for. The label is empty outside compare mode, so
 * titles and summaries read naturally there and say "A:" / "B:" only when
 * there is something to tell apart.
 */
export function compareSides<S extends ParamSpecs>(state: WidgetState<S>): CompareSide<S>[] {
  return state.compare
    ? [
        { label: 'A', values: state.values },
        { label: 'B', values: state.valuesB },
      ]
    : [{ label: '', values: state.values }];
}

/** "A: " in compare mode, nothing otherwise. */
export function sidePrefix(label: string): string {
  return label ? `${label}: ` : '';
}

/** A chart id for a side: B's charts get `-b`, so `data-chart` stays unique in compare mode. */
export function sideChartId(base: string, label: string): string {
  return label === 'B' ? `${base}-b` : base;
}
