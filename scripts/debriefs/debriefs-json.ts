import { DEBRIEF_SEEDS } from '../../src/components/debrief/debrief-compute.ts';
import { debriefGroups } from './exercises.ts';

/** The debriefs file's text: entries by id, in the order of the exercises. */
export function debriefsJson(groups = debriefGroups): string {
  const entries = groups.flatMap((g) => g.compute(DEBRIEF_SEEDS));
  return JSON.stringify(Object.fromEntries(entries.map((e) => [e.id, e])), null, 2) + '\n';
}
