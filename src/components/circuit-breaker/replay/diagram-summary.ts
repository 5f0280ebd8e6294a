import type { MachineDiagram } from '../../../resilience/circuit-breaker/breaker-diagram.ts';
import { formatReplayTime, type ReplayTransition } from './replay-time.ts';
import type { ReplayRunView } from './replay-view.ts';

/** A sentence without its final full stop, so descriptions can be quoted inside one. */
function clause(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/**
 * What the diagram shows at replay time `t`, in words, with the machine's own
 * descriptions of the state and of the transition that led to it.
 */
export function describeDiagramState(
  diagram: MachineDiagram,
  focus: ReplayRunView | undefined,
  at: { state: string; last: ReplayTransition | undefined } | undefined,
  t: number,
  compare: boolean,
): string {
  if (focus && focus.previewS !== null && t >= focus.previewS)
    return `At ${formatReplayTime(t)}, past the preview’s first ${formatReplayTime(focus.previewS)}: the breaker’s state follows with the whole run.`;
  if (!focus || !at) return 'Neither run has a circuit breaker, so no state is highlighted. Switch the breaker on to replay it.';
  const subject = compare ? `${focus.label}’s breaker` : 'the breaker';
  const where = diagram.nodes.find((n) => n.id === at.state);
  const what = where?.description ? ` (${clause(where.description).replace(/^./, (c) => c.toLowerCase())})` : '';
  const head = `At ${formatReplayTime(t)}, ${subject} is ${at.state}${what}.`;
  if (!at.last) return `${head} No transition yet: it starts ${diagram.initial}.`;
  const edge = diagram.edges.find((e) => e.from === at.last!.from && e.to === at.last!.to && e.event === at.last!.event);
  const why = edge?.description ? `: ${clause(edge.description)}` : '';
  return `${head} It got there by “${at.last.event}” from ${at.last.from} at ${formatReplayTime(at.last.t)}${why}.`;
}
