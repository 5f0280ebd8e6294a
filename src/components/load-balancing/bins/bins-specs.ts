import { intParam } from '../../../params/params.ts';
import { ballsIntoBinsSpec } from '../../../../simulations/scenarios/specs/balls-into-bins.ts';
import type { Dash, SeriesColor } from '../../charts/chart-model.ts';

const p = ballsIntoBinsSpec.params;

/**
 * The scenario's own parameters, plus how many seeds each curve averages.
 * Requests stop at 100,000 here (the scenario takes a million): every run
 * is repeated for d = 1, d = 2 and the chosen d, `runs` times each, so the
 * largest job places 3 million balls, a few seconds in the worker.
 */
export const binsSpecs = {
  backends: p.backends,
  requests: { ...p.requests, max: 100_000 },
  choices: { ...p.choices, help: 'd: the widget always runs d = 1 and d = 2 as well, so the chosen d is drawn against both.' },
  runs: intParam({ label: 'Runs averaged', default: 5, min: 1, max: 10, help: 'Curves are means over seeds seed, seed + 1, …' }),
};

export type BinsSpecs = typeof binsSpecs;

/** How each number of choices is drawn, the same in every chart: colour and dash for the run, the same colour dashed for its theory. */
export const choiceStyles: Readonly<Record<number, { readonly label: string; readonly color: SeriesColor; readonly dash: Dash }>> = {
  1: { label: '1 choice (random)', color: 1, dash: 'solid' },
  2: { label: '2 choices', color: 2, dash: 'solid' },
  3: { label: '3 choices', color: 4, dash: 'solid' },
  4: { label: '4 choices', color: 5, dash: 'solid' },
};

/** The choice counts a side runs: 1 and 2, the contrast the widget is about, and the chosen one. */
export function choicesToRun(chosen: number): number[] {
  return [...new Set([1, 2, chosen])].sort((a, b) => a - b);
}
