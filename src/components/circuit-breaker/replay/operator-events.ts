import type { MachineDiagram } from '../../../resilience/circuit-breaker/breaker-diagram.ts';

/** Events accepted from at least this many states are operator actions. */
const MANUAL_SOURCES = 3;

/**
 * The events a machine accepts from most of its states (for the breaker:
 * force-open, disable, reset): an operator's actions rather than the
 * breaker's own logic. Read from the definition, so a new event is classed
 * by how it is wired, not by its name.
 */
export function operatorEvents(diagram: MachineDiagram): Set<string> {
  const sources = new Map<string, Set<string>>();
  for (const e of diagram.edges) {
    if (!sources.has(e.event)) sources.set(e.event, new Set());
    sources.get(e.event)!.add(e.from);
  }
  return new Set([...sources].filter(([, from]) => from.size >= MANUAL_SOURCES).map(([event]) => event));
}

/** The states the machine reaches from its initial state without an operator: the ones a simulation can show. */
export function selfDrivenStates(diagram: MachineDiagram): Set<string> {
  const manual = operatorEvents(diagram);
  const reached = new Set([diagram.initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of diagram.edges) {
      if (!manual.has(e.event) && reached.has(e.from) && !reached.has(e.to)) {
        reached.add(e.to);
        grew = true;
      }
    }
  }
  return reached;
}
