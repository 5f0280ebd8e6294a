import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../src/params/params.ts';
import { executeRuns } from '../../src/components/frame/runner/run-in-node.ts';
import { planJitter } from '../../src/components/retry/jitter/jitter-plan.ts';
import { jitterSpecs } from '../../src/components/retry/jitter/jitter-specs.ts';
import { reduceJitter } from '../../src/components/retry/jitter/jitter-view.ts';
import { jitterWidget } from '../../src/components/retry/jitter/jitter-widget.ts';

const page = readFileSync(join(import.meta.dirname, '../../content/docs/retry-strategies.mdx'), 'utf8');
const bestPractices = readFileSync(join(import.meta.dirname, '../../content/docs/best-practices.mdx'), 'utf8').replace(/\s+/g, ' ');
const CLIENTS = [10, 25, 50, 100, 200];

/** Mean writes per strategy at each crowd size, as the widget computes them (its default runs and seed). */
function writesByStrategy(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const clients of CLIENTS) {
    const values = { ...defaultValues(jitterSpecs), clients };
    const plan = planJitter({ values, seed: jitterWidget.defaultSeed, compare: false, valuesB: values });
    for (const s of reduceJitter(executeRuns(plan.runs), plan.meta).sides[0].strategies) out.set(s.key, [...(out.get(s.key) ?? []), s.calls.mean]);
  }
  return out;
}

const slope = (w: number[], i: number, j: number) => Math.log(w[j] / w[i]) / Math.log(CLIENTS[j] / CLIENTS[i]);
const list = (w: number[]) => w.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');

describe('retry guide: how the jitter widget’s writes grow with the crowd', () => {
  const writes = writesByStrategy();
  const full = writes.get('full')!;
  const none = writes.get('none')!;

  it('full jitter: 39, 136, 333, 795, 1,895 writes for 10 to 200 clients, about N^1.3', () => {
    expect(list(full)).toBe('39, 136, 333, 795, 1,895');
    expect(slope(full, 0, 4).toFixed(1)).toBe('1.3');
    expect(page).toContain('full jitter\'s writes go 39, 136, 333, 795, 1,895');
  });

  it('no backoff: 49, 219, 685, 2,425, 8,822, about N^1.7 over the range and N^1.9 from 100 to 200', () => {
    expect(list(none)).toBe('49, 219, 685, 2,425, 8,822');
    expect(slope(none, 0, 4).toFixed(1)).toBe('1.7');
    expect(slope(none, 3, 4).toFixed(1)).toBe('1.9');
    expect(page).toContain('they go 49, 219, 685, 2,425, 8,822');
  });

  it('the gap widens with the crowd: the jitter changes the shape, not only the constant', () => {
    const ratio = (i: number) => none[i] / full[i];
    expect(ratio(4)).toBeGreaterThan(2 * ratio(0));
    expect(bestPractices).toContain('grows about as N^1.3 with the crowd, against N^1.7 without');
  });
});
