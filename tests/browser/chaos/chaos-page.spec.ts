import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectDownloadsOfEveryChart } from '../helpers/downloads.ts';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { CHAOS_PAGE } from '../helpers/site-pages.ts';
import { charts, hydrated, queryOf, settledPlot, waitForPlotChange, widget, openWithEveryWidget } from '../helpers/widget.ts';
import { seriousViolations } from '../helpers/axe.ts';

/**
 * The chaos-engineering guide in two page loads, to keep CI time down: one
 * with JavaScript that walks through everything a reader does (every widget
 * hydrates, a slider, a link, compare, downloads, axe in both themes), and
 * one without, for the build-time default.
 */
const WIDGETS = ['experiment', 'inject', 'metastable'] as const;

async function axeReport(page: Page): Promise<string[]> {
  return seriousViolations(await new AxeBuilder({ page }).include('main').analyze());
}

test('the chaos page: loads clean, every widget runs, and a reader’s slider, link, compare, downloads and axe all work', async ({ page }) => {
  test.setTimeout(300_000);
  const problems = watchPageProblems(page);
  await openWithEveryWidget(page, CHAOS_PAGE, WIDGETS);

  await test.step('a slider changes the plot and the URL; the URL restores both in a fresh page', async () => {
    const inject = await hydrated(page, 'inject');
    const before = await settledPlot(inject);
    const rate = inject.locator('#inject-injection-rate');
    await rate.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect((await waitForPlotChange(inject, before)).changed, 'the plot changed').toBe(true);
    const byHand = await settledPlot(inject);
    const value = await rate.inputValue();
    await expect.poll(() => queryOf(page)['inject.injection-rate'], { message: 'URL carries the rate' }).toBe(value);

    const fresh = await page.context().newPage();
    const freshProblems = watchPageProblems(fresh);
    await fresh.goto(page.url());
    const restored = await hydrated(fresh, 'inject');
    await expect(restored.locator('#inject-injection-rate')).toHaveValue(value);
    await expect.poll(() => settledPlot(restored), { message: 'plot from the link equals the plot set by hand', timeout: 60_000 }).toBe(byHand);
    await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
    freshProblems.expectNone();
    await fresh.close();
  });

  await test.step('compare shows B’s controls, B’s verdict and charts, and experiment.compare=1', async () => {
    const experiment = await hydrated(page, 'experiment');
    const toggle = experiment.getByRole('button', { name: 'Compare A/B' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(experiment.locator('select[id^="experiment-b-"]').first()).toBeVisible();
    await expect(experiment).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(experiment.locator('svg[data-chart="success-rate-b"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(experiment.locator('[data-verdict]')).toHaveCount(2);
    await expect.poll(() => queryOf(page)['experiment.compare']).toBe('1');
  });

  await test.step('each map cell is a keyboard-reachable link to the storm widget set to that cell', async () => {
    const map = await hydrated(page, 'metastable');
    const cells = map.locator('svg[data-chart="metastability-map"] a');
    expect(await cells.count()).toBe(25);
    const first = cells.first();
    expect(await first.getAttribute('href')).toMatch(/^\/retry-strategies\/\?storm\.spike-rate=\d+&.*storm\.seed=1#storm-title$/);
    await expect(first).toHaveAttribute('aria-label', /req\/s for \d+ s: (recovered|stayed collapsed)/);
    await first.focus();
    await expect(first).toBeFocused();
  });

  await test.step('a defence switched on reruns the map cell by cell (25 storms: the first at once, the rest as they come) and the grid follows, with no cell left pending', async () => {
    const map = await hydrated(page, 'metastable');
    const before = await settledPlot(map);
    await map.locator('#metastable-retry-budget').check();
    expect((await waitForPlotChange(map, before, 60_000)).changed, 'the map changed').toBe(true);
    await expect(map.locator('figure:has(svg[data-chart="metastability-map"]) [data-testid="chart-summary"]')).toContainText('recovered from 22 of 25 spikes');
    await expect(map).toHaveAttribute('data-state', 'done');
    await expect(map.locator('svg[data-chart="metastability-map"] a')).toHaveCount(25);
    await expect(map.locator('svg[data-chart="metastability-map"] [data-pending]')).toHaveCount(0);
    await expect.poll(() => queryOf(page)['metastable.retry-budget']).toBe('true');
  });

  await test.step('Download SVG and Download CSV save every chart of the map and their data', async () => {
    await expectDownloadsOfEveryChart(page, widget(page, 'metastable'), 'metastable');
  });

  await test.step('axe finds no serious or critical violation, in light and in dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const bad = await axeReport(page);
      expect(bad, `${theme}:\n${bad.join('\n')}`).toEqual([]);
    }
  });

  problems.expectNone();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every chaos widget shows its default run: titled charts, summaries with numbers, verdicts and map links', async ({ page }) => {
    await page.goto(CHAOS_PAGE);
    for (const id of WIDGETS) {
      const section = widget(page, id);
      await expect(section, `widget ${id} in the static HTML`).toHaveCount(1);
      const svgs = charts(section);
      expect(await svgs.count(), `charts of ${id}`).toBeGreaterThan(0);
      for (const svg of await svgs.all()) await expect(svg.locator(':scope > title')).not.toHaveText('');
      const summaries = section.getByTestId('chart-summary');
      expect(await summaries.count()).toBe(await svgs.count());
      for (const s of await summaries.all()) await expect(s).toHaveText(/\d/);
    }
    await expect(widget(page, 'experiment').locator('[data-verdict="refuted"]')).toHaveCount(1);
    await expect(widget(page, 'metastable').locator('a[href^="/retry-strategies/?storm."]')).toHaveCount(25);
  });
});
