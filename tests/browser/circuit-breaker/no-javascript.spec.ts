import { expect, test } from '@playwright/test';
import { charts, widget } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS, highlightedState } from './cb-page.ts';

// A reader without JavaScript gets the default run, rendered at build time.
test.use({ javaScriptEnabled: false });

for (const id of CB_WIDGETS) {
  test(`without JavaScript the ${id} widget shows its default plot`, async ({ page }) => {
    await page.goto(CB_PAGE);
    const section = widget(page, id);
    await expect(section).toHaveCount(1);
    const svgs = charts(section);
    expect(await svgs.count(), 'charts in the static HTML').toBeGreaterThan(id === 'breaker' ? 2 : 1);
    for (const svg of await svgs.all()) {
      await expect(svg).toBeVisible();
      await expect(svg.locator('title').first()).not.toHaveText('');
      // Drawn data, not an empty frame: a line with a real shape, or a bar with a length.
      const drawn = await svg.evaluate(
        (el) =>
          [...el.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').length > 10).length +
          [...el.querySelectorAll('[data-series] rect')].filter((r) => Number(r.getAttribute('width')) > 0).length,
      );
      expect(drawn, `marks with data in ${await svg.getAttribute('data-chart')}`).toBeGreaterThan(0);
    }
    for (const summary of await section.getByTestId('chart-summary').all()) await expect(summary).not.toHaveText('');
    if (id === 'breaker') {
      expect(await highlightedState(section), 'the diagram shows the state at the start of the replay').toBe('closed');
      await expect(section.locator('[data-testid="comparison"] tbody tr')).not.toHaveCount(0);
    }
  });
}
