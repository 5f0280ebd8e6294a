import { expect, test } from '@playwright/test';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated, queryOf } from '../helpers/widget.ts';

for (const id of RETRY_WIDGETS) {
  test(`Compare A/B in the ${id} widget shows the B controls, a second result and ${id}.compare=1 in the URL`, async ({ page }) => {
    await page.goto(RETRY_PAGE);
    const section = await hydrated(page, id);
    const summaries = section.getByTestId('chart-summary');
    const resultsBefore = await summaries.count();
    await expect(section.locator(`[id^="${id}-b-"]`)).toHaveCount(0);

    const toggle = section.getByRole('button', { name: 'Compare A/B' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const bControls = section.locator(`input[id^="${id}-b-"], select[id^="${id}-b-"]`);
    await expect(bControls.first()).toBeVisible();
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect.poll(() => summaries.count(), { message: 'a text summary for the B result as well' }).toBeGreaterThan(resultsBefore);
    await expect.poll(() => queryOf(page)[`${id}.compare`]).toBe('1');
  });
}
