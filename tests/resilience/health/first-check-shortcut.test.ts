import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHealthCheck, type ActiveHealthCheckOptions } from '../../../src/resilience/health/active-health-check.ts';

const noRandom = () => {
  throw new Error('no jitter configured: must not draw');
};

const base: ActiveHealthCheckOptions = { intervalMs: 1000, timeoutMs: 200, healthyThreshold: 2, unhealthyThreshold: 3, startHealthy: false };

function check(hc: ActiveHealthCheck, ok: boolean) {
  const start = hc.nextCheckAt();
  const id = hc.startCheck(start);
  return hc.onCheckResult(start + 10, ok, id);
}

describe('startHealthy: false — the one-pass shortcut is for the very first check only (Envoy first_check_)', () => {
  it('three failed checks then one pass leave the host unhealthy; healthyThreshold passes make it healthy', () => {
    const hc = new ActiveHealthCheck({ ...base, healthyThreshold: 3 }, 0, noRandom);
    for (let i = 0; i < 3; i++) expect(check(hc, false)).toBeNull();
    expect(check(hc, true)).toBeNull();
    expect(hc.healthy).toBe(false);
    expect(check(hc, true)).toBeNull();
    expect(check(hc, true)).toBe('became-healthy');
  });

  it('one failed first check is enough to lose the shortcut', () => {
    const hc = new ActiveHealthCheck(base, 0, noRandom);
    check(hc, false);
    expect(check(hc, true)).toBeNull();
    expect(check(hc, true)).toBe('became-healthy');
  });

  it('a check never reports healthy a host that has not passed healthyThreshold checks in a row, unless its very first check passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (healthyThreshold, unhealthyThreshold, results) => {
        const hc = new ActiveHealthCheck({ ...base, healthyThreshold, unhealthyThreshold }, 0, noRandom);
        let passesInARow = 0;
        results.forEach((ok, i) => {
          const transition = check(hc, ok);
          passesInARow = ok ? passesInARow + 1 : 0;
          if (transition === 'became-healthy') expect(i === 0 || passesInARow >= healthyThreshold).toBe(true);
          if (!results.slice(0, i + 1).some(Boolean)) expect(hc.healthy).toBe(false);
        });
      }),
    );
  });
});
