import { expect, test } from '@playwright/test';
import { hydrated } from '../helpers/widget.ts';
import { downloadsWork, malformedUrlGivesNotice, slidersChangeThePlot, urlRestoresState } from '../load-balancing/widget-checks.ts';
import { HEALTH_PAGE } from './health-page.ts';

slidersChangeThePlot(HEALTH_PAGE, 'health');

downloadsWork(HEALTH_PAGE, 'health');

urlRestoresState(
  HEALTH_PAGE,
  'health',
  async (page, section) => {
    const threshold = section.locator('#health-unhealthy-threshold');
    await threshold.focus();
    await page.keyboard.press('ArrowLeft');
    await section.locator('#health-failure-mode').selectOption('refuse');
  },
  ['health-unhealthy-threshold', 'health-failure-mode', 'health-interval'],
);

malformedUrlGivesNotice(HEALTH_PAGE, 'health', { interval: '0', 'failure-mode': 'explode', compare: 'yes please' }, async (section) => {
  await expect(section.locator('#health-interval')).toHaveAttribute('aria-valuetext', '100 ms');
  await expect(section.locator('#health-failure-mode')).toHaveValue('hang');
  await expect(section.getByRole('button', { name: 'Compare A/B' })).toHaveAttribute('aria-pressed', 'false');
});

test('the outlier-detection comparison preset draws both timelines, B with ejections', async ({ page }) => {
  await page.goto(HEALTH_PAGE);
  const section = await hydrated(page, 'health');
  await section.getByLabel('Preset').selectOption('compare-outlier');
  await expect(section.locator('svg[data-chart="check-timeline-b"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(section.locator('#health-b-outlier-detection')).toBeChecked();
  await expect(section.locator('figure:has(svg[data-chart="check-timeline-b"]) [data-testid="chart-summary"]')).toContainText('Outlier detection took it out of rotation');
  await expect.poll(() => new URL(page.url()).searchParams.get('health.compare')).toBe('1');
});
