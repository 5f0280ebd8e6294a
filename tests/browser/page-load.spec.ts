import { expect, test } from '@playwright/test';
import { watchPageProblems } from './helpers/page-problems.ts';
import { scrollThroughPage } from './helpers/scroll.ts';
import { INTRO_PAGE, RETRY_PAGE, sitePages } from './helpers/site-pages.ts';
import { settleWidgets } from './helpers/settle.ts';

const pages = sitePages();

test('the sitemap lists the introduction and the retry page', () => {
  expect(pages).toEqual(expect.arrayContaining([INTRO_PAGE, RETRY_PAGE]));
});

for (const path of pages) {
  test(`${path} loads with no console error, page error or failed request`, async ({ page }) => {
    const problems = watchPageProblems(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1')).toBeVisible();
    // Islands hydrate when scrolled into view: their scripts, workers and
    // runs are part of loading the page.
    await scrollThroughPage(page);
    await settleWidgets(page);
    await page.waitForLoadState('networkidle');
    problems.expectNone();
  });
}
