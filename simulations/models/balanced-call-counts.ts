import type { LedgerCounts } from './request-ledger.ts';

// Apart from BalancedCaller's code: scenario specs use it, and a page loads specs without the simulator.
/** What each ledger count means for requests through a BalancedCaller: the start of a scenario's summaryDoc for them. */
export const balancedCallCountsDoc: Readonly<Record<keyof LedgerCounts, string>> = {
  requests: 'requests started',
  succeeded: 'requests that succeeded',
  failed: 'requests answered with an error or refused',
  rejected: 'requests for which the balancer had no backend',
  timedOut: 'requests with no answer within the timeout',
  shed: "requests turned away by a backend's full queue",
};
