import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultValues } from '../../src/params/params.ts';
import { retryQuota, retryQuotaCosts2026 } from '../../src/resilience/index.ts';
import { retryBudget } from '../../simulations/scenarios/retry-budget.ts';

const page = readFileSync(join(import.meta.dirname, '../../content/docs/retry-strategies.mdx'), 'utf8');

/** Failed retries a fresh quota pays for before it refuses one. */
function retriesBeforeDry(quota: ReturnType<typeof retryQuota>, cause: 'error' | 'timeout'): number {
  let n = 0;
  while (quota.tryAcquireRetry(0, cause)) n++;
  return n;
}

describe('retry quota costs (retry guide, AWS SDKs)', () => {
  it('the long-standing costs: 100 failed retries (50 after timeouts) empty a quota of 500', () => {
    expect(retriesBeforeDry(retryQuota(), 'error')).toBe(100);
    expect(retriesBeforeDry(retryQuota(), 'timeout')).toBe(50);
  });

  it('the 2026 costs: 35 failed retries empty it, timeouts no dearer than errors', () => {
    expect(retriesBeforeDry(retryQuota(retryQuotaCosts2026), 'error')).toBe(35);
    expect(retriesBeforeDry(retryQuota(retryQuotaCosts2026), 'timeout')).toBe(35);
  });

  it('the scenario keeps the old costs by default and models the new ones as an option: in a hard outage each client retries 100 times, or 35', () => {
    const base = { ...defaultValues(retryBudget.params), failureRate: 1, policy: 'retry-quota' as const };
    expect(base.quotaCosts).toBe('classic');
    const classic = retryBudget.run(base, 1).summary;
    const updated = retryBudget.run({ ...base, quotaCosts: '2026' }, 1).summary;
    expect(classic.retries).toBe(base.clients * 100);
    expect(updated.retries).toBe(base.clients * 35);
    expect(updated.rejected).toBeGreaterThan(classic.rejected);
  });

  it('the page states those numbers', () => {
    for (const s of ['about 100 failed retries in a row (50\nafter timeouts)', '35 failed retries', '--quota-costs 2026`']) expect(page).toContain(s);
  });
});
