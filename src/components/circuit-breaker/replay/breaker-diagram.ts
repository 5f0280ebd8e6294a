import type { MachineDiagram } from '../../../resilience/circuit-breaker/breaker-diagram.ts';
import diagramJson from './breaker-diagram.json';

/**
 * The breaker's diagram: its states and transitions as its XState machine
 * defines them, read from the machine by `scripts/breaker-diagram.ts` into
 * JSON (a test checks that they still agree). The page draws it without
 * loading XState or the machine.
 */
export const breakerDiagram: MachineDiagram = diagramJson;
