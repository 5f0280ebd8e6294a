import type { Page } from '@playwright/test';
import { animationFrames } from './frames.ts';

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
    await animationFrames(page);
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await animationFrames(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}
