import { expect, test } from '@playwright/test';
import { RETRY_PAGE } from './helpers/site-pages.ts';
import { RETRY_WIDGETS, charts, widget } from './helpers/widget.ts';

// A reader without JavaScript gets the default run, rendered at build time.
test.use({ javaScriptEnabled: false });

for (const id of RETRY_WIDGETS) {
  test(`without JavaScript the ${id} widget shows its default plot`, async ({ page }) => {
    await page.goto(RETRY_PAGE);
    const section = widget(page, id);
    await expect(section).toHaveCount(1);
    const svgs = charts(section);
    expect(await svgs.count(), 'charts in the static HTML').toBeGreaterThan(0);
    for (const svg of await svgs.all()) {
      await expect(svg).toBeVisible();
      await expect(svg.locator('title')).not.toHaveText('');
      // Drawn data, not an empty frame: at least one path with a real shape.
      const drawn = await svg.locator('path').evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 10).length);
      expect(drawn, `paths with data in ${await svg.getAttribute('data-chart')}`).toBeGreaterThan(0);
    }
    await expect(section.getByTestId('chart-summary').first()).not.toHaveText('');
  });
}
