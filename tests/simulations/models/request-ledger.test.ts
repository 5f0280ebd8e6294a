import { describe, expect, it } from 'vitest';
import { ConservationError, RequestLedger, type LedgerEntry } from '../../../simulations/models/request-ledger.ts';

const entry = (): LedgerEntry => ({ outcome: undefined });

describe('RequestLedger', () => {
  it('counts each outcome and balances when every request has ended', () => {
    const ledger = new RequestLedger();
    const outcomes = ['succeeded', 'failed', 'rejected', 'timedOut', 'shed', 'succeeded'] as const;
    const entries = outcomes.map(() => {
      const e = entry();
      ledger.start(e);
      return e;
    });
    expect(ledger.inFlight).toBe(6);
    entries.forEach((e, i) => ledger.end(e, outcomes[i]));
    expect(ledger.counts()).toEqual({ requests: 6, succeeded: 2, failed: 1, rejected: 1, timedOut: 1, shed: 1 });
    expect(() => ledger.assertBalanced()).not.toThrow();
  });

  it('begin starts a request with an entry of its own, which ends like any other', () => {
    const ledger = new RequestLedger();
    const a = ledger.begin();
    const b = ledger.begin();
    expect(a).not.toBe(b);
    expect(ledger.inFlight).toBe(2);
    ledger.end(a, 'succeeded');
    expect(() => ledger.assertBalanced()).toThrow(ConservationError);
    ledger.end(b, 'shed');
    expect(ledger.counts()).toEqual({ requests: 2, succeeded: 1, failed: 0, rejected: 0, timedOut: 0, shed: 1 });
    expect(() => ledger.end(a, 'failed')).toThrow(ConservationError);
  });

  it('refuses to end a request twice', () => {
    const ledger = new RequestLedger();
    const e = entry();
    ledger.start(e);
    ledger.end(e, 'succeeded');
    expect(() => ledger.end(e, 'timedOut')).toThrow(ConservationError);
  });

  it('refuses to end a request that never started', () => {
    expect(() => new RequestLedger().end(entry(), 'failed')).toThrow(ConservationError);
  });

  it('does not balance while a request is still open', () => {
    const ledger = new RequestLedger();
    ledger.start(entry());
    expect(() => ledger.assertBalanced()).toThrow(ConservationError);
  });

  it('cutOff ends the open requests as timed out, and the ledger balances again', () => {
    const ledger = new RequestLedger();
    const a = entry();
    ledger.start(a);
    ledger.start(entry());
    ledger.start(entry());
    ledger.end(a, 'succeeded');
    expect(ledger.cutOff()).toBe(2);
    expect(ledger.counts()).toMatchObject({ requests: 3, succeeded: 1, timedOut: 2 });
    expect(() => ledger.assertBalanced()).not.toThrow();
  });
});
