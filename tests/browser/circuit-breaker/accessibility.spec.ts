import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { hydrated } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS } from './cb-page.ts';
import { seriousViolations } from '../helpers/axe.ts';

test.use({ reducedMotion: 'reduce' });

// The whole page is checked by tests/browser/accessibility.spec.ts; this
// looks at the widgets in the states that page-level run never reaches: the
// breaker open (the diagram's current state drawn in its colour, the trip
// highlighted) and compare mode, in both themes.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    test.describe.configure({ timeout: 180_000 });

    test('axe finds no serious or critical violation in the circuit-breaker widgets, replay open and compare on', async ({ page }) => {
      await page.goto(`${CB_PAGE}?breaker.t=22&cascade.compare=1`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      for (const id of CB_WIDGETS) await hydrated(page, id);
      const results = await new AxeBuilder({ page }).include(CB_WIDGETS.map((id) => `section[data-widget="${id}"]`)).analyze();
      expect(seriousViolations(results)).toEqual([]);
    });
  });
}
