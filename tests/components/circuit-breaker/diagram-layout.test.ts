import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeKey, layoutDiagram } from '../../../src/components/circuit-breaker/replay/diagram-layout.ts';
import { operatorEvents, selfDrivenStates } from '../../../src/components/circuit-breaker/replay/operator-events.ts';
import { breakerDiagram, circuitBreakerMachine, machineDiagram } from '../../../src/resilience/circuit-breaker/index.ts';

const diagram = breakerDiagram();

describe('state diagram layout', () => {
  it('draws exactly the machine’s states and transitions, with the machine’s names and descriptions', () => {
    const layout = layoutDiagram(diagram, 640);
    expect(layout.nodes.map((n) => [n.id, n.description])).toEqual(diagram.nodes.map((n) => [n.id, n.description]));
    expect(layout.edges.map((e) => e.key).sort()).toEqual(diagram.edges.map((e) => edgeKey(e.from, e.to, e.event)).sort());
    for (const e of layout.edges) {
      const source = diagram.edges.find((d) => edgeKey(d.from, d.to, d.event) === e.key)!;
      expect(e.description).toBe(source.description);
      expect(e.d).toMatch(/^M[\d.-]+,[\d.-]+Q/);
    }
    // And it follows the definition, not a copy of it: the same machine read afresh gives the same drawing.
    expect(layoutDiagram(machineDiagram(circuitBreakerMachine), 640)).toEqual(layout);
  });

  it('names every transition on a wide drawing; operator actions (events accepted from most states) are told apart', () => {
    const layout = layoutDiagram(diagram, 640);
    expect(layout.edges.every((e) => e.label !== undefined)).toBe(true);
    const manual = new Set(layout.edges.filter((e) => e.manual).map((e) => e.event));
    expect([...manual].sort()).toEqual(['disable', 'force-open', 'reset']);
    expect(
      layout.edges
        .filter((e) => !e.manual)
        .map((e) => e.event)
        .sort(),
    ).toEqual(['open-timeout-elapsed', 'probe-failed', 'probe-succeeded', 'trip']);
  });

  it('on a phone, still names the breaker’s own transitions and every operator action at least once per target state', () => {
    const layout = layoutDiagram(diagram, 320);
    for (const e of layout.edges.filter((x) => !x.manual)) expect(e.label, e.key).toBeDefined();
    const named = new Set(layout.edges.filter((e) => e.label).map((e) => `${e.event}->${e.to}`));
    for (const e of layout.edges) expect(named.has(`${e.event}->${e.to}`), e.key).toBe(true);
  });

  it('property: at any width, states stay inside the drawing and never overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 280, max: 1200 }), (width) => {
        const { nodes, height } = layoutDiagram(diagram, width);
        for (const n of nodes) {
          expect(n.x - n.w / 2).toBeGreaterThanOrEqual(0);
          expect(n.x + n.w / 2).toBeLessThanOrEqual(width);
          expect(n.y - n.h / 2).toBeGreaterThanOrEqual(0);
          expect(n.y + n.h / 2).toBeLessThanOrEqual(height);
        }
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            const a = nodes[i];
            const b = nodes[j];
            const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2;
            expect(apart, `${a.id} and ${b.id} at width ${width}`).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('tells operator actions from the breaker’s own transitions by how the machine wires them', () => {
    expect([...operatorEvents(diagram)].sort()).toEqual(['disable', 'force-open', 'reset']);
    expect([...selfDrivenStates(diagram)].sort()).toEqual(['closed', 'half-open', 'open']);
    // Wired from one state only, the same event would be the breaker's own.
    const rewired = { ...diagram, edges: diagram.edges.filter((e) => e.event !== 'force-open' || e.from === 'closed') };
    expect(operatorEvents(rewired).has('force-open')).toBe(false);
    expect(selfDrivenStates(rewired).has('forced-open')).toBe(true);
  });

  it('points the initial arrow at the machine’s initial state', () => {
    const layout = layoutDiagram(diagram, 640);
    const initial = layout.nodes.find((n) => n.id === diagram.initial)!;
    expect(layout.initialArrow.x2).toBe(initial.x);
    expect(layout.initialArrow.y2).toBeLessThan(initial.y - initial.h / 2);
  });
});
