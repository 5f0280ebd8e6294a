import type { Page } from '@playwright/test';

/**
 * Scrolls the whole page a screen at a time, so every `client:visible`
 * island hydrates (and loads its scripts and workers) before a test judges
 * the page, then returns to the top.
 */
export async function scrollThroughPage(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 720;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // One frame lets IntersectionObserver callbacks fire for what came into view.
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
  await page.evaluate(() => window.scrollTo(0, 0));
}
