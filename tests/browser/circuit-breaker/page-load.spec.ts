import { expect, test } from '@playwright/test';
import { animationFrames } from '../helpers/frames.ts';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { scrollThroughPage } from '../helpers/scroll.ts';
import { settleWidgets } from '../helpers/settle.ts';
import { hydrated } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS } from './cb-page.ts';

test('/circuit-breaker/ loads, hydrates both widgets and replays with no console error, page error or failed request', async ({ page }) => {
  const problems = watchPageProblems(page);
  const response = await page.goto(CB_PAGE);
  expect(response?.status()).toBe(200);
  await scrollThroughPage(page);
  await settleWidgets(page);
  for (const id of CB_WIDGETS) await hydrated(page, id);
  // A change of run goes through the worker or the main thread and back.
  await page.locator('section[data-widget="cascade"]').getByLabel('Preset').selectOption('compare-protection');
  await expect(page.locator('section[data-widget="cascade"]')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  problems.expectNone();
});

test.describe('autoplay', () => {
  test('the replay plays by itself once it is in view', async ({ page }) => {
    await page.goto(CB_PAGE);
    const breaker = await hydrated(page, 'breaker');
    await expect.poll(async () => Number(await breaker.locator('#breaker-t').inputValue()), { message: 'the replay time advances on its own' }).toBeGreaterThan(0);
    await expect(breaker.getByRole('button', { name: 'Pause' })).toBeVisible();
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });
    test('nothing moves until the reader presses Play', async ({ page }) => {
      await page.goto(CB_PAGE);
      const breaker = await hydrated(page, 'breaker');
      // Long enough for the in-view observer to fire and playback (a step per 50 ms of frames) to take several steps.
      await animationFrames(page, 30);
      expect(await breaker.locator('#breaker-t').inputValue()).toBe('0');
      await expect(breaker.getByRole('button', { name: 'Play' })).toBeVisible();
    });
  });
});
