import type { AnyStateMachine } from 'xstate';
import { circuitBreakerMachine } from './breaker-machine.ts';

export interface DiagramNode {
  /** The state's key, as it appears in the state value ('half-open'). */
  readonly id: string;
  readonly description: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** The event type that takes this transition ('trip'). */
  readonly event: string;
  readonly description: string;
}

export interface MachineDiagram {
  readonly initial: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/**
 * Nodes and edges of a flat machine, read from the machine definition itself
 * (`machine.root.states`), in definition order, so a diagram can never
 * disagree with the transitions the breaker actually takes. Nested states are
 * not expected here and are rejected rather than drawn wrongly.
 */
export function machineDiagram(machine: AnyStateMachine): MachineDiagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (const node of Object.values(machine.root.states)) {
    if (node.type !== 'atomic') throw new RangeError(`machineDiagram draws flat machines only; ${node.id} is ${node.type}`);
    nodes.push({ id: node.key, description: node.description ?? '' });
    for (const [event, transitions] of node.transitions) {
      for (const t of transitions) {
        for (const target of t.target ?? []) {
          edges.push({ from: node.key, to: target.key, event, description: t.description ?? '' });
        }
      }
    }
  }
  const initial = machine.root.initial.target[0]?.key;
  if (initial === undefined) throw new RangeError('machine has no initial state');
  return { initial, nodes, edges };
}

/** The circuit breaker's diagram. */
export function breakerDiagram(): MachineDiagram {
  return machineDiagram(circuitBreakerMachine);
}
