import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/params/params.ts';
import { cascadingFailure } from '../../simulations/scenarios/cascading-failure.ts';
import { cascadeWidget } from '../../src/components/circuit-breaker/cascade/cascade-widget.ts';

const page = readFileSync(join(import.meta.dirname, '../../content/docs/circuit-breaker.mdx'), 'utf8');
const base = defaultValues(cascadingFailure.params);
const at = (timeout: number) => cascadingFailure.run({ ...base, timeout }, cascadeWidget.defaultSeed).summary;

describe('breaker guide, cascade step 3: what protects A at a 200 ms timeout', () => {
  it('at 200 ms B’s full queue refuses about half the calls at once (1,065 refused, 1,013 timed out) and about 11 of A’s workers are busy', () => {
    const s = at(200);
    expect([s.failed, s.timedOut]).toEqual([1065, 1013]);
    const refusedShare = s.failed / (s.failed + s.timedOut);
    expect(refusedShare).toBeGreaterThan(0.45);
    expect(refusedShare).toBeLessThan(0.55);
    expect(Math.round(s.busyWorkersDuring)).toBe(11);
    expect(Math.round(s.independentGoodputDuring)).toBe(100);
    expect(page).toContain('(1,065 refused, 1,013 timed out)');
  });

  it('at 500 ms nothing is refused, A’s 20 workers are all busy and unrelated goodput is about 40', () => {
    const s = at(500);
    expect(s.failed).toBe(0);
    expect(Math.round(s.busyWorkersDuring)).toBe(20);
    expect(Math.round(s.independentGoodputDuring)).toBe(40);
  });
});
