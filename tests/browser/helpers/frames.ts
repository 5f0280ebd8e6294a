import type { Page } from '@playwright/test';

/**
 * Resolves after `count` animation frames of the page: a wait measured in
 * what the page does (its rendering steps, its requestAnimationFrame
 * callbacks, its IntersectionObservers) rather than in milliseconds, for a
 * check that something did not happen, or happened within a frame.
 */
export async function animationFrames(page: Page, count = 1): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    count,
  );
}
