import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downtimeMinutesPerYear } from '../../src/resilience/index.ts';
import { executeRuns } from '../../src/components/frame/runner/run-in-node.ts';
import { defaultState } from '../../src/components/frame/url/widget-state.ts';
import { downtimeText } from '../../src/components/failover/availability/availability-charts.ts';
import { planAvailability } from '../../src/components/failover/availability/availability-plan.ts';
import { availabilitySpecs } from '../../src/components/failover/availability/availability-specs.ts';
import { reduceAvailability } from '../../src/components/failover/availability/availability-view.ts';
import { availabilityWidget } from '../../src/components/failover/availability/availability-widget.ts';

const page = readFileSync(join(import.meta.dirname, '../../content/docs/introduction.mdx'), 'utf8');
const flat = page.replace(/\s+/g, ' ');

describe('introduction: the numbers it states', () => {
  it('the nines: 99.9% allows 8.77 h a year, 99.99% 52.6 min, 99.999% 5.26 min', () => {
    const text = [0.999, 0.9999, 0.99999].map((a) => downtimeText(downtimeMinutesPerYear(a)));
    expect(text).toEqual(['8.77 h', '52.6 min', '5.26 min']);
    expect(flat).toContain('99.9% (three nines) allows 8.77 h of downtime a year, 99.99% allows 52.6 min, and 99.999% allows 5.26 min');
  });

  it('the calculator’s defaults: 31.5 s without a gap, 1.98 min in theory with a 10 s failover, 1.71 min simulated; five replicas barely help', () => {
    const plan = planAvailability(defaultState(availabilitySpecs, availabilityWidget.defaultSeed));
    const [side] = reduceAvailability(executeRuns(plan.runs), plan.meta).sides;
    expect(downtimeText(side.noGapMinutes)).toBe('31.5 s');
    expect(downtimeText(side.summary.theoryDowntimeMinutesPerYear)).toBe('1.98 min');
    expect(downtimeText(side.summary.downtimeMinutesPerYear)).toBe('1.71 min');
    for (const s of ['down 31.5 s a year', 'the theory says 1.98 min', 'the simulation measures 1.71 min']) expect(flat).toContain(s);
    const theory = (n: number) => side.byReplicas.find((r) => r.replicas === n)!.theory;
    // "The downtime barely moves": five replicas keep more than two thirds of two replicas' downtime, the gap.
    expect(theory(5)).toBeGreaterThan((2 / 3) * theory(2));
  });

  it('the tour lists the four examples and three scripts that exist', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    const examples = Object.keys(pkg.scripts).filter((k) => k.startsWith('example:'));
    expect(examples).toHaveLength(4);
    for (const e of examples) expect(page).toContain(`npm run ${e}`);
    for (const s of ['scripts/load-test.sh', 'scripts/health-check.sh', 'scripts/chaos-simulate.sh']) expect(page).toContain(s);
  });
});
