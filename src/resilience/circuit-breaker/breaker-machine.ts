import { setup } from 'xstate';

/**
 * The breaker's states and transitions, written once. The core
 * (circuit-breaker-core.ts) sends this machine only the events that can
 * change state; the diagram widget reads the same definition through
 * `breakerDiagram()`. Guards live in plain code (the failure detector, the
 * open wait, the probe counts) because they run on every call and an XState
 * event costs about a microsecond: the machine says *where* an event leads,
 * the core decides *whether* to send it.
 */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'forced-open' | 'disabled';

export const breakerStates: readonly BreakerState[] = ['closed', 'open', 'half-open', 'forced-open', 'disabled'];

export type BreakerEventType = 'trip' | 'open-timeout-elapsed' | 'probe-succeeded' | 'probe-failed' | 'force-open' | 'disable' | 'reset';

export type BreakerMachineEvent = { readonly type: BreakerEventType };

const forceOpen = { target: 'forced-open', description: 'isolated by hand: every call is rejected until reset' } as const;
const disable = { target: 'disabled', description: 'switched off by hand: every call passes, nothing is counted' } as const;
const reset = { target: 'closed', description: 'reset by hand: counts cleared, open duration back to its first value' } as const;

export const circuitBreakerMachine = setup({
  types: { events: {} as BreakerMachineEvent },
}).createMachine({
  id: 'circuit-breaker',
  initial: 'closed',
  states: {
    closed: {
      description: 'Calls pass; outcomes are counted by the failure detector.',
      on: {
        trip: { target: 'open', description: 'failure or slow-call threshold reached (after the minimum number of calls)' },
        'force-open': forceOpen,
        disable,
      },
    },
    open: {
      description: 'Calls are rejected at once, with the time left to wait.',
      on: {
        'open-timeout-elapsed': { target: 'half-open', description: 'the open wait is over (on the next call, or on a timer)' },
        'force-open': forceOpen,
        disable,
        reset,
      },
    },
    'half-open': {
      description: 'A few probe calls pass; everyone else is rejected.',
      on: {
        'probe-succeeded': { target: 'closed', description: 'enough probes succeeded' },
        'probe-failed': { target: 'open', description: 'too many probes failed, were slow or timed out' },
        'force-open': forceOpen,
        disable,
        reset,
      },
    },
    'forced-open': {
      description: 'Isolated by hand: every call is rejected.',
      on: { disable, reset },
    },
    disabled: {
      description: 'Switched off: every call passes and nothing is counted.',
      on: { 'force-open': forceOpen, reset },
    },
  },
});

export type CircuitBreakerMachine = typeof circuitBreakerMachine;
