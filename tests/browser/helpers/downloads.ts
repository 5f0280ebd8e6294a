import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCsv } from './csv.ts';
import { charts } from './widget.ts';

/**
 * Clicks a widget's Download SVG and Download CSV and checks what was saved:
 * a well-formed SVG with one drawing per chart on screen, and a rectangular
 * CSV under the shared header with every chart's rows in it.
 */
export async function expectDownloadsOfEveryChart(page: Page, section: Locator, id: string): Promise<void> {
  const drawn = await charts(section).evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
  const [svgFile] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svgFile.suggestedFilename()).toBe(`${id}-charts.svg`);
  const svg = await readFile(await svgFile.path(), 'utf8');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, charts: doc.querySelectorAll('svg > svg').length };
  }, svg);
  expect(parsed).toEqual({ error: null, charts: drawn.length });
  const [csvFile] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csvFile.suggestedFilename()).toBe(`${id}-data.csv`);
  const [header, ...rows] = parseCsv(await readFile(await csvFile.path(), 'utf8'));
  expect(header).toEqual(['chart', 'series', 'x', 'y', 'y_error', 'x_label', 'y_label']);
  expect(
    rows.filter((r) => r.length !== header.length),
    'ragged rows',
  ).toEqual([]);
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(drawn));
}
