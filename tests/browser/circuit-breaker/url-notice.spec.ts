import { expect, test, type Locator } from '@playwright/test';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { charts, hydrated } from '../helpers/widget.ts';
import { CB_PAGE } from './cb-page.ts';

test.use({ reducedMotion: 'reduce' });

async function expectNoticeMentions(section: Locator, texts: readonly string[]): Promise<void> {
  const notice = section.getByTestId('url-notice');
  await expect(notice, 'one visible notice in the widget').toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  for (const t of texts) await expect(notice, `the notice mentions "${t}"`).toContainText(t);
}

test('malformed and out-of-range URL values in both widgets are replaced by the nearest valid ones, with a notice and a working page', async ({ page }) => {
  const problems = watchPageProblems(page);
  await page.goto(`${CB_PAGE}?breaker.rate=abc&breaker.t=-5&breaker.window=bogus&cascade.workers=99999&cascade.nope=1`);
  const breaker = await hydrated(page, 'breaker');
  const cascade = await hydrated(page, 'cascade');

  await expectNoticeMentions(breaker, ['breaker.rate', 'abc', 'breaker.t', '-5', 'breaker.window', 'bogus']);
  await expectNoticeMentions(cascade, ['cascade.workers', '99999', 'cascade.nope']);

  // Not a number -> the default; below the range -> the minimum; not an option -> the default; above -> the maximum.
  await expect(breaker.locator('#breaker-rate')).toHaveAttribute('aria-valuetext', '50 req/s');
  await expect(breaker.locator('#breaker-t')).toHaveValue('0');
  await expect(breaker.locator('#breaker-window')).toHaveValue('count');
  const workers = cascade.locator('#cascade-workers');
  await expect(workers).toHaveValue((await workers.getAttribute('max')) ?? 'no max attribute');

  for (const section of [breaker, cascade]) {
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(await charts(section).locator('path').count()).toBeGreaterThan(0);
  }
  await breaker.getByTestId('url-notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(breaker.getByTestId('url-notice')).toHaveCount(0);
  problems.expectNone();
});
