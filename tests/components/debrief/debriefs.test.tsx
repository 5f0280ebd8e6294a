import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Debrief from '../../../src/components/debrief/Debrief.tsx';
import { debriefsJson } from '../../../scripts/debriefs/debriefs-json.ts';
import { debriefGroups } from '../../../scripts/debriefs/exercises.ts';

const file = 'src/components/debrief/debriefs.json';

describe('debriefs', () => {
  it('debriefs.json is what the widgets compute today over seeds 1-20, or fewer where an exercise says so (run `npm run debriefs` when this fails)', () => {
    expect(readFileSync(file, 'utf8')).toBe(debriefsJson());
  }, 120_000);

  it('every exercise is placed on its page, and every <Debrief> on a page has an exercise', () => {
    const ids = debriefGroups.flatMap((g) => g.ids);
    const pages = ['retry-strategies', 'circuit-breaker', 'load-balancing', 'health-checks', 'failover-strategies', 'chaos-engineering', 'introduction']
      .map((p) => readFileSync(`content/docs/${p}.mdx`, 'utf8'))
      .join('\n');
    const placed = [...pages.matchAll(/<Debrief id="([^"]+)"/g)].map((m) => m[1]);
    expect([...placed].sort()).toEqual([...ids].sort());
  });

  it('renders a native <details> with the ranges', () => {
    const html = renderToString(<Debrief id="retry-amplification" />).replace(/<!-- -->/g, '');
    expect(html).toMatch(/^<details class="rl-debrief" data-debrief="retry-amplification"><summary>/);
    expect(html).toContain('3 retrying layers: 64 on every seed');
    expect(() => renderToString(<Debrief id="nope" />)).toThrow(/no such entry/);
  });
});
