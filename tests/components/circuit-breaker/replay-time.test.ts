import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReplayTime,
  nextTransitionTime,
  previousTransitionTime,
  stateAt,
  stateSegments,
  toReplayTime,
  type ReplayTransition,
} from '../../../src/components/circuit-breaker/replay/replay-time.ts';

// The default breaker-outage run's transitions (seed 1), in seconds.
const run: ReplayTransition[] = [
  { t: 20.1777, from: 'closed', to: 'open', event: 'trip' },
  { t: 25.1837, from: 'open', to: 'half-open', event: 'open-timeout-elapsed' },
  { t: 25.2071, from: 'half-open', to: 'open', event: 'probe-failed' },
  { t: 35.3716, from: 'half-open', to: 'closed', event: 'probe-succeeded' },
];

/** A chain of transitions at increasing times: each `from` is the previous `to`, as a breaker reports them. */
const chains = fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('closed', 'open', 'half-open', 'forced-open', 'disabled')), { maxLength: 30 }).map((steps) => {
  let t = 0;
  let from = 'closed';
  return steps.map(([dt, to]): ReplayTransition => {
    t += dt / 100;
    const tr = { t: toReplayTime(t * 1000), from, to, event: `${from}-to-${to}` };
    from = to;
    return tr;
  });
});

describe('replay time', () => {
  it('rounds a transition time up, so stepping to it lands at or after the moment it happened', () => {
    expect(toReplayTime(20177.61267898761)).toBe(20.1777);
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (ms) => toReplayTime(ms) * 1000 >= ms - 1e-9 && toReplayTime(ms) * 1000 - ms < 0.1 + 1e-9));
  });

  it('tells the state and the transition that led to it at any time of the run', () => {
    expect(stateAt(run, 'closed', 0)).toEqual({ state: 'closed', last: undefined });
    expect(stateAt(run, 'closed', 20.1777)).toEqual({ state: 'open', last: run[0] });
    expect(stateAt(run, 'closed', 22)).toEqual({ state: 'open', last: run[0] });
    expect(stateAt(run, 'closed', 25.19).state).toBe('half-open');
    expect(stateAt(run, 'closed', 30).last).toBe(run[2]);
    expect(stateAt(run, 'closed', 50)).toEqual({ state: 'closed', last: run[3] });
  });

  it('steps to the next and the previous transition, strictly', () => {
    expect(nextTransitionTime(run, 0)).toBe(20.1777);
    expect(nextTransitionTime(run, 20.1777)).toBe(25.1837);
    expect(nextTransitionTime(run, 40)).toBeUndefined();
    expect(previousTransitionTime(run, 25.1837)).toBe(20.1777);
    expect(previousTransitionTime(run, 20.1777)).toBeUndefined();
    expect(previousTransitionTime(run, 60)).toBe(35.3716);
  });

  it('property: stepping forward from 0 visits every transition in order and lands in its target state', () => {
    fc.assert(
      fc.property(chains, (transitions) => {
        const visited: ReplayTransition[] = [];
        let t = 0;
        for (let next = nextTransitionTime(transitions, t); next !== undefined; next = nextTransitionTime(transitions, t)) {
          t = next;
          const at = stateAt(transitions, 'closed', t);
          visited.push(at.last!);
          expect(at.state).toBe(at.last!.to);
        }
        // Transitions at the same instant collapse into one step: the last of them is what the reader sees.
        const distinct = transitions.filter((tr, i) => transitions[i + 1]?.t !== tr.t);
        expect(visited).toEqual(distinct);
      }),
    );
  });

  it('property: the state segments tile the run, and each one holds the state stateAt reports inside it', () => {
    fc.assert(
      fc.property(chains, fc.integer({ min: 1, max: 2000 }), (transitions, endTenths) => {
        const end = endTenths / 10;
        const segments = stateSegments(transitions, 'closed', end);
        expect(segments[0].start).toBe(0);
        expect(segments[segments.length - 1].end).toBe(end);
        for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
        for (const s of segments) {
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          if (s.end > s.start) expect(stateAt(transitions, 'closed', (s.start + s.end) / 2).state).toBe(s.state);
        }
      }),
    );
  });

  it('formats times with the decimals they need', () => {
    expect(formatReplayTime(22)).toBe('22.0 s');
    expect(formatReplayTime(20.1777)).toBe('20.1777 s');
    expect(formatReplayTime(12.35)).toBe('12.35 s');
  });
});
