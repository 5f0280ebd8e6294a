import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../helpers/csv.ts';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated } from '../helpers/widget.ts';

for (const id of RETRY_WIDGETS) {
  test(`Download SVG in the ${id} widget saves a well-formed SVG of the chart`, async ({ page }) => {
    await page.goto(RETRY_PAGE);
    const section = await hydrated(page, id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const text = await readFile(await download.path(), 'utf8');
    // Parsed by the browser's own XML parser: a stray unescaped character or
    // a missing namespace would make the file useless outside the page.
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      const root = doc.documentElement;
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: root.localName, ns: root.namespaceURI, paths: doc.querySelectorAll('path').length };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.paths).toBeGreaterThan(0);
  });

  test(`Download CSV in the ${id} widget saves a header line and rectangular rows`, async ({ page }) => {
    await page.goto(RETRY_PAGE);
    const section = await hydrated(page, id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(rows.length, 'a header and at least one row').toBeGreaterThan(1);
    const [header, ...data] = rows;
    expect(header.length).toBeGreaterThan(1);
    // A header names columns; a row of numbers in its place means it is missing.
    expect(header.every((h) => h.trim() !== '' && Number.isNaN(Number(h))), `header: ${header.join(',')}`).toBe(true);
    const ragged = data.filter((r) => r.length !== header.length);
    expect(ragged, 'rows whose column count differs from the header').toEqual([]);
    const numeric = data.filter((r) => r.some((f) => f.trim() !== '' && Number.isFinite(Number(f))));
    expect(numeric.length, 'rows carrying numbers').toBe(data.length);
  });
}
