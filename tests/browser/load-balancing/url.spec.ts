import { expect, test } from '@playwright/test';
import { hydrated, queryOf } from '../helpers/widget.ts';
import { LB_PAGE } from './lb-page.ts';
import { malformedUrlGivesNotice, urlRestoresState } from './widget-checks.ts';

urlRestoresState(
  LB_PAGE,
  'bins',
  async (page, section) => {
    const choices = section.locator('#bins-choices');
    await choices.focus();
    await page.keyboard.press('ArrowRight');
    await section.locator('#bins-seed').fill('5');
    await section.locator('#bins-seed').press('Tab');
  },
  ['bins-choices', 'bins-seed', 'bins-requests'],
);

urlRestoresState(
  LB_PAGE,
  'hash',
  async (_page, section) => {
    await section.locator('#hash-change').selectOption('remove');
  },
  ['hash-change', 'hash-backends'],
);

urlRestoresState(
  LB_PAGE,
  'lb',
  async (_page, section) => {
    await section.locator('#lb-versus').selectOption('peak-ewma');
    await section.locator('#lb-outlier-detection').check();
  },
  ['lb-algorithm', 'lb-versus', 'lb-outlier-detection'],
);

test('a supermarket link in compare mode restores both sides and draws B’s charts', async ({ page }) => {
  await page.goto(`${LB_PAGE}?supermarket.compare=1&supermarket-b.backends=5&supermarket.seed=2`);
  const section = await hydrated(page, 'supermarket');
  await expect(section.getByRole('button', { name: 'Compare A/B' })).toHaveAttribute('aria-pressed', 'true');
  await expect(section.locator('#supermarket-b-backends')).toHaveAttribute('aria-valuetext', '5');
  await expect(section.locator('#supermarket-seed')).toHaveValue('2');
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(section.locator('svg[data-chart="mean-time-b"]')).toHaveCount(1);
  await expect(section.locator('figure:has(svg[data-chart="mean-time-b"]) [data-testid="chart-summary"]')).toContainText('B: At utilization 0.9 with 5 backends');
  expect(queryOf(page)['supermarket.compare']).toBe('1');
});

malformedUrlGivesNotice(LB_PAGE, 'bins', { requests: 'lots', choices: '9', runs: '2.5' }, async (section, defaults) => {
  await expect(section.locator('#bins-requests')).toHaveValue(defaults.requests);
  await expect(section.locator('#bins-choices')).toHaveValue('4');
  await expect(section.locator('#bins-runs')).toHaveValue('3');
});

malformedUrlGivesNotice(LB_PAGE, 'lb', { algorithm: 'fastest', 'outlier-detection': 'maybe', utilization: '-1' }, async (section, defaults) => {
  await expect(section.locator('#lb-algorithm')).toHaveValue(defaults.algorithm);
  await expect(section.locator('#lb-outlier-detection')).not.toBeChecked();
  await expect(section.locator('#lb-utilization')).toHaveValue(await section.locator('#lb-utilization').getAttribute('min') ?? 'no min');
});

malformedUrlGivesNotice(LB_PAGE, 'hash', { change: 'double', method: 'maglev', keys: '1e9' }, async (section, defaults) => {
  await expect(section.locator('#hash-change')).toHaveValue(defaults.change);
  // Not a setting of this widget (it runs every method): ignored, and said so.
  await expect(section.getByTestId('url-notice')).toContainText('no setting "method"');
  await expect(section.locator('#hash-keys')).toHaveAttribute('aria-valuetext', '200,000');
});

malformedUrlGivesNotice(LB_PAGE, 'supermarket', { utilization: '1.5', seed: 'x' }, async (section) => {
  await expect(section.locator('#supermarket-utilization')).toHaveValue('0.99');
  await expect(section.locator('#supermarket-seed')).toHaveValue('1');
});
