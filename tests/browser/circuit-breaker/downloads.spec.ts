import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../helpers/csv.ts';
import { hydrated } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS } from './cb-page.ts';

test.use({ reducedMotion: 'reduce' });

for (const id of CB_WIDGETS) {
  test(`the ${id} widget saves a well-formed SVG of its charts and a rectangular CSV of their data`, async ({ page }) => {
    await page.goto(CB_PAGE);
    const section = await hydrated(page, id);
    const [svg] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe(`${id}-charts.svg`);
    const parsed = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, charts: doc.documentElement.children.length - 1 };
      },
      await readFile(await svg.path(), 'utf8'),
    );
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.charts).toBe(await section.locator('svg[data-chart]').count());

    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download CSV' }).click()]);
    const [header, ...rows] = parseCsv(await readFile(await csv.path(), 'utf8'));
    expect(header).toEqual(['chart', 'series', 'x', 'y', 'y_error', 'x_label', 'y_label']);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.length !== header.length)).toEqual([]);
    if (id === 'breaker') expect(rows.some((r) => r[0] === 'transitions' && r[1].includes('trip'))).toBe(true);
  });
}
