import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { breakerStates, circuitBreakerMachine, type BreakerEventType, type BreakerState } from '../../../src/resilience/circuit-breaker/breaker-machine.ts';
import { breakerDiagram } from '../../../src/resilience/circuit-breaker/breaker-diagram.ts';

/** Where each event leads from each state; '-' means the event is ignored there. */
const table: Record<BreakerState, Record<BreakerEventType, BreakerState | '-'>> = {
  closed: { trip: 'open', 'open-timeout-elapsed': '-', 'probe-succeeded': '-', 'probe-failed': '-', 'force-open': 'forced-open', disable: 'disabled', reset: '-' },
  open: { trip: '-', 'open-timeout-elapsed': 'half-open', 'probe-succeeded': '-', 'probe-failed': '-', 'force-open': 'forced-open', disable: 'disabled', reset: 'closed' },
  'half-open': { trip: '-', 'open-timeout-elapsed': '-', 'probe-succeeded': 'closed', 'probe-failed': 'open', 'force-open': 'forced-open', disable: 'disabled', reset: 'closed' },
  'forced-open': { trip: '-', 'open-timeout-elapsed': '-', 'probe-succeeded': '-', 'probe-failed': '-', 'force-open': '-', disable: 'disabled', reset: 'closed' },
  disabled: { trip: '-', 'open-timeout-elapsed': '-', 'probe-succeeded': '-', 'probe-failed': '-', 'force-open': 'forced-open', disable: '-', reset: 'closed' },
};

describe('circuit breaker machine', () => {
  const cases = breakerStates.flatMap((from) => (Object.keys(table[from]) as BreakerEventType[]).map((event) => ({ from, event, to: table[from][event] })));

  it.each(cases)('$from --$event--> $to', ({ from, event, to }) => {
    const actor = createActor(circuitBreakerMachine, { snapshot: circuitBreakerMachine.resolveState({ value: from, context: {} }) }).start();
    actor.send({ type: event });
    expect(actor.getSnapshot().value).toBe(to === '-' ? from : to);
  });

  it('starts closed', () => {
    expect(createActor(circuitBreakerMachine).start().getSnapshot().value).toBe('closed');
  });
});

describe('breakerDiagram', () => {
  const diagram = breakerDiagram();

  it('lists every state once, from the machine definition, with its description', () => {
    expect(diagram.initial).toBe('closed');
    expect(diagram.nodes.map((n) => n.id)).toEqual([...breakerStates]);
    for (const n of diagram.nodes) expect(n.description).not.toBe('');
  });

  it('has exactly the edges of the transition table', () => {
    const expected = breakerStates.flatMap((from) =>
      (Object.entries(table[from]) as [BreakerEventType, BreakerState | '-'][]).filter(([, to]) => to !== '-').map(([event, to]) => `${from} --${event}--> ${to}`),
    );
    expect(diagram.edges.map((e) => `${e.from} --${e.event}--> ${e.to}`).sort()).toEqual(expected.sort());
    for (const e of diagram.edges) expect(e.description).not.toBe('');
  });
});
