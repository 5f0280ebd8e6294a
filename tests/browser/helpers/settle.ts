import { expect, type Page } from '@playwright/test';

/**
 * Waits until every island on the page has hydrated and every widget shows
 * a finished result, so a test looks at the page a reader ends up with.
 */
export async function settleWidgets(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]'), 'islands still waiting to hydrate').toHaveCount(0, { timeout: 60_000 });
  const widgets = page.locator('section[data-widget]');
  for (const w of await widgets.all()) {
    await expect(w).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  }
}
