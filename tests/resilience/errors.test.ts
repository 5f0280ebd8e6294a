import { describe, expect, it } from 'vitest';
import { BudgetExhaustedError, ResilienceError, RetriesExhaustedError, TimeoutError } from '../../src/resilience/errors.ts';

describe('errors', () => {
  it('name themselves and keep their data', () => {
    const last = new Error('last');
    const exhausted = new RetriesExhaustedError(3, last);
    expect([exhausted.name, exhausted.attempts, exhausted.lastError, exhausted.cause, exhausted.reason]).toEqual([
      'RetriesExhaustedError',
      3,
      last,
      last,
      'max-attempts',
    ]);
    expect(exhausted.message).toBe('gave up after 3 attempts (max-attempts)');
    const budget = new BudgetExhaustedError(1, last);
    expect([budget.name, budget.reason, budget.attempts, budget.cause]).toEqual(['BudgetExhaustedError', 'budget', 1, last]);
    expect(budget).toBeInstanceOf(RetriesExhaustedError);
    const t = new TimeoutError(250);
    expect([t.name, t.timeoutMs, t.message]).toEqual(['TimeoutError', 250, 'timed out after 250 ms']);
    for (const e of [exhausted, budget, t]) expect(e).toBeInstanceOf(ResilienceError);
  });
});
