import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamValues, ParamSpecs } from '../../src/params/params.ts';
import { requestOutcomes } from '../../simulations/models/request-ledger.ts';
import type { Summary } from '../../simulations/scenario.ts';
import { scenarios, type ScenarioRegistry } from '../../simulations/scenarios/index.ts';
import { paramsArbitrary, smallRunBounds } from './small-params.ts';

/**
 * Every request ends exactly once. Scenarios built on the request ledger
 * report `requests` and a count per outcome (succeeded, failed, rejected,
 * timedOut, shed): those must add up. Scenarios with totals of their own
 * have a check here; each registered scenario must have one or the other.
 */
const ownTotals: Readonly<Record<string, (s: Summary, p: ParamValues<ParamSpecs>) => void>> = {
  'jitter-contention': (s, p) => {
    // Every client's write ends up applied, and every write the server saw was either applied or refused.
    expect(s.succeededClients).toBe(p.clients);
    expect(s.calls).toBe(Number(s.succeededClients) + Number(s.conflicts));
    expect(s.reads).toBe(s.calls);
  },
  'retry-amplification': (s, p) => {
    const requests = Number(p.requests);
    expect(s.requests).toBe(requests);
    expect(s.dependencyCalls).toBeGreaterThanOrEqual(requests);
    expect(s.amplification).toBe(Number(s.dependencyCalls) / requests);
    expect(s.successRate).toBe(Number(s.succeeded) / requests);
  },
  'fault-injection': (s, p) => {
    // Every call ends once, in one of five endings; the summary gives each as a share of the calls.
    const calls = Number(p.calls);
    expect(s.calls).toBe(calls);
    const ended = ['succeeded', 'injectedFault', 'injectedOutcome', 'timedOut', 'serviceError'].map((k) => Number(s[k]) * calls);
    for (const n of ended) expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-6);
    expect(ended.reduce((a, n) => a + Math.round(n), 0)).toBe(calls);
    expect(s.injections).toBeLessThanOrEqual(Number(s.decisions));
  },
  'retry-budget': (s) => {
    expect(s.attempts).toBe(Number(s.succeeded) + Number(s.failedAttempts));
    expect(s.retries).toBeLessThanOrEqual(Number(s.attempts));
    expect(s.load).toBe(Number(s.attempts) / Number(s.requests));
    expect(s.successRate).toBe(Number(s.succeeded) / Number(s.requests));
  },
};

/** Parameter sets per scenario: 1000, fewer for the scenarios whose small runs still cost milliseconds. */
const costly: Readonly<Record<string, number>> = {
  queue: 300,
  'retry-storm': 300,
  'breaker-outage': 300,
  'cascading-failure': 300,
  supermarket: 300,
  'consistent-hashing': 200,
  'lb-heterogeneous': 300,
  'health-detection': 300,
};
const runsFor = (name: string) => costly[name] ?? 1000;

function hasLedgerTotals(s: Summary): boolean {
  return typeof s.requests === 'number' && requestOutcomes.some((o) => typeof s[o] === 'number');
}

describe('conservation', () => {
  for (const [name, scenario] of Object.entries(scenarios as ScenarioRegistry)) {
    it(`${name}: every request ends exactly once, the totals add up, over ${runsFor(name)} random parameter sets`, () => {
      fc.assert(
        fc.property(paramsArbitrary(scenario.params, smallRunBounds[name]), fc.nat(), (p, seed) => {
          const { summary } = scenario.run(p, seed);
          expect(hasLedgerTotals(summary) || name in ownTotals, `${name} has no conservation check`).toBe(true);
          if (hasLedgerTotals(summary)) {
            let ended = 0;
            for (const o of requestOutcomes) {
              const n = summary[o] ?? 0;
              expect(Number.isInteger(n) && Number(n) >= 0, `${o} = ${n}`).toBe(true);
              ended += Number(n);
            }
            expect(ended).toBe(summary.requests);
          }
          ownTotals[name]?.(summary, p);
        }),
        { numRuns: runsFor(name) },
      );
    });
  }
});
