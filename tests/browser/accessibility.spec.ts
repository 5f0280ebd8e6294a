import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { scrollThroughPage } from './helpers/scroll.ts';
import { settleWidgets } from './helpers/settle.ts';
import { sitePages } from './helpers/site-pages.ts';
import { seriousViolations } from './helpers/axe.ts';

const pages = sitePages();

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    // axe's colour-contrast pass over the charts' SVG text takes 20-35 s here on its own.
    test.describe.configure({ timeout: 240_000 });

    for (const path of pages) {
      test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
        await page.goto(path);
        // Starlight picks its theme from prefers-color-scheme; check it did,
        // or the dark run would silently test the light colours.
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await scrollThroughPage(page);
        await settleWidgets(page);
        const results = await new AxeBuilder({ page }).analyze();
        expect(seriousViolations(results)).toEqual([]);
      });
    }
  });
}
