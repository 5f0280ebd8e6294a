import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectDownloadsOfEveryChart } from '../helpers/downloads.ts';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { FAILOVER_PAGE as PAGE } from '../helpers/site-pages.ts';
import { charts, hydrated, settledPlot, waitForPlotChange, widget, openWithEveryWidget } from '../helpers/widget.ts';
import { seriousViolations } from '../helpers/axe.ts';

/**
 * The failover guide in one page load (plus one without JavaScript): every
 * widget hydrates and runs with no console error, a slider changes the plot
 * and the URL, the URL restores it in a fresh page, compare draws B, the
 * downloads hold every chart, and axe finds nothing serious. One load keeps
 * the browser time of this page low; each step is named in the report.
 */
const WIDGETS = ['failover', 'hedging', 'availability'] as const;

test('the failover guide: widgets hydrate and run, a slider changes the plot, links restore it, compare, downloads, axe', async ({ page }) => {
  test.setTimeout(300_000);
  const problems = watchPageProblems(page);

  await test.step('the page loads and every widget hydrates and finishes its run', async () => {
    await openWithEveryWidget(page, PAGE, WIDGETS);
  });

  let link = '';
  let byHand = '';
  let threshold = '';
  await test.step('a failover slider moved with the keyboard changes the plot and the URL', async () => {
    const section = await hydrated(page, 'failover');
    const before = await settledPlot(section);
    const slider = section.locator('#failover-unhealthy-threshold');
    await expect(section.locator('label[for="failover-unhealthy-threshold"]')).toBeVisible();
    const value0 = await slider.inputValue();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).not.toBe(value0);
    expect((await waitForPlotChange(section, before)).changed, 'the plot changed').toBe(true);
    threshold = await slider.inputValue();
    await expect.poll(() => new URL(page.url()).searchParams.get('failover.unhealthy-threshold')).toBe(threshold);
    byHand = await settledPlot(section);
    // One control changed once, and the poll above saw the URL carry its value: the URL holds the latest state.
    link = page.url();
  });

  await test.step('the link restores the control and the very same plot in a fresh page', async () => {
    const fresh = await page.context().newPage();
    await fresh.goto(link);
    const section = await hydrated(fresh, 'failover');
    await expect(section.locator('#failover-unhealthy-threshold')).toHaveValue(threshold);
    await expect.poll(() => settledPlot(section), { timeout: 60_000 }).toBe(byHand);
    await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
    await fresh.close();
  });

  await test.step('compare on the hedging widget draws B’s charts and records it in the URL', async () => {
    const section = await hydrated(page, 'hedging');
    await section.getByRole('button', { name: 'Compare A/B' }).click();
    await expect(section.getByRole('button', { name: 'Compare A/B' })).toHaveAttribute('aria-pressed', 'true');
    await expect(section.locator('svg[data-chart="hedging-tail-b"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('hedging.compare')).toBe('1');
    await expect(section.locator('#hedging-b-budget')).toHaveValue('ratio');
  });

  await test.step('the availability widget’s downloads hold every chart and its data', async () => {
    const section = await hydrated(page, 'availability');
    await expectDownloadsOfEveryChart(page, section, 'availability');
  });

  await test.step('axe finds no serious or critical violation on the page', async () => {
    expect(seriousViolations(await new AxeBuilder({ page }).include('main').analyze())).toEqual([]);
  });

  problems.expectNone();
});

test('without JavaScript every widget shows its default plots, titled and summarised', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  for (const id of WIDGETS) {
    const section = widget(page, id);
    await expect(section, `widget ${id} in the static HTML`).toHaveCount(1);
    const svgs = charts(section);
    expect(await svgs.count(), `charts of ${id}`).toBeGreaterThan(0);
    for (const svg of await svgs.all()) {
      const name = `${id} / ${await svg.getAttribute('data-chart')}`;
      await expect(svg, name).toBeVisible();
      await expect(svg.locator(':scope > title'), name).not.toHaveText('');
      const marks = await svg.evaluate((el) => el.querySelectorAll('[data-series] path, [data-series] rect, [data-series] circle, [data-host] line').length);
      expect(marks, `marks drawn in ${name}`).toBeGreaterThan(0);
    }
    const summaries = section.getByTestId('chart-summary');
    expect(await summaries.count()).toBe(await svgs.count());
    for (const s of await summaries.all()) await expect(s).toHaveText(/\d/);
  }
  await context.close();
});
