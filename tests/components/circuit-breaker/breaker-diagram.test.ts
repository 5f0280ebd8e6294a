import { describe, expect, it } from 'vitest';
import { breakerDiagram as fromMachine } from '../../../src/resilience/circuit-breaker/breaker-diagram.ts';
import { breakerDiagram } from '../../../src/components/circuit-breaker/replay/breaker-diagram.ts';

describe("the breaker page's state diagram", () => {
  it('has the states and transitions of the XState machine the breaker runs (else run `npx tsx scripts/breaker-diagram.ts`)', () => {
    expect(breakerDiagram).toEqual(fromMachine());
    expect(breakerDiagram.nodes.map((n) => n.id)).toEqual(['closed', 'open', 'half-open', 'forced-open', 'disabled']);
    expect(breakerDiagram.edges.some((e) => e.from === 'closed' && e.to === 'open')).toBe(true);
  });
});
