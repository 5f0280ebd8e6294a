import { expect, test, type Locator } from '@playwright/test';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { charts, hydrated } from '../helpers/widget.ts';

async function expectNoticeMentions(section: Locator, texts: readonly string[]): Promise<void> {
  const notice = section.getByTestId('url-notice');
  await expect(notice, 'one visible notice in the widget').toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  for (const t of texts) await expect(notice, `the notice mentions "${t}"`).toContainText(t);
}

test('malformed and out-of-range URL values are replaced by the nearest valid ones, with a notice and a working page', async ({ page }) => {
  // The defaults, from a page loaded without parameters.
  await page.goto(RETRY_PAGE);
  let storm = await hydrated(page, 'storm');
  const defaultSpikeRate = await storm.locator('#storm-spike-rate').inputValue();
  const defaultBackoff = await storm.locator('#storm-backoff').inputValue();

  const problems = watchPageProblems(page);
  // jitter.strategy is not a jitter setting (that widget runs every strategy):
  // an unknown key of a known widget must be reported too, not silently dropped.
  await page.goto(`${RETRY_PAGE}?storm.spike-rate=abc&storm.workers=99999&storm.backoff=bogus&jitter.strategy=bogus`);
  storm = await hydrated(page, 'storm');
  const jitter = await hydrated(page, 'jitter');

  await expectNoticeMentions(storm, ['storm.spike-rate', 'abc', 'storm.workers', '99999', 'storm.backoff', 'bogus']);
  await expectNoticeMentions(jitter, ['jitter.strategy']);

  // Nearest valid values: not a number -> the default; above the range -> the maximum; not an option -> the default.
  await expect(storm.locator('#storm-spike-rate')).toHaveValue(defaultSpikeRate);
  const workers = storm.locator('#storm-workers');
  await expect(workers).toHaveValue((await workers.getAttribute('max')) ?? 'no max attribute');
  await expect(storm.locator('#storm-backoff')).toHaveValue(defaultBackoff);

  // The page still works: results plotted, no errors.
  for (const section of [storm, jitter]) {
    await expect(section).toHaveAttribute('data-state', 'done');
    expect(await charts(section).locator('path').count()).toBeGreaterThan(0);
  }
  problems.expectNone();
});

test('a valid link shows no URL notice', async ({ page }) => {
  await page.goto(`${RETRY_PAGE}?storm.seed=3&jitter.clients=20`);
  await hydrated(page, 'storm');
  await hydrated(page, 'jitter');
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
});
