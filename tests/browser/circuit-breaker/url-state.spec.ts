import { expect, test } from '@playwright/test';
import { hydrated, plotMarkup, queryOf, settledPlot, waitForPlotChange } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS, highlightedState } from './cb-page.ts';

test.use({ reducedMotion: 'reduce' });

const SEED = '7';

test('a cascade link with a timeout and a seed restores the controls and the plot reached by hand', async ({ page }) => {
  await page.goto(CB_PAGE);
  let cascade = await hydrated(page, 'cascade');
  const timeout = cascade.locator('#cascade-timeout');
  const defaultPlot = await settledPlot(cascade);
  await timeout.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await cascade.locator('#cascade-seed').fill(SEED);
  await cascade.locator('#cascade-seed').press('Tab');
  expect((await waitForPlotChange(cascade, defaultPlot)).changed, 'the plot changed after setting timeout and seed').toBe(true);
  const byHand = await settledPlot(cascade);
  const text = await timeout.getAttribute('aria-valuetext');
  const query = queryOf(page);
  expect(query['cascade.seed'], page.url()).toBe(SEED);
  expect(query['cascade.timeout'], page.url()).toBe('200');

  const fresh = await page.context().newPage();
  await fresh.goto(`${CB_PAGE}?cascade.timeout=200&cascade.seed=${SEED}`);
  cascade = await hydrated(fresh, 'cascade');
  await expect(cascade.locator('#cascade-timeout')).toHaveAttribute('aria-valuetext', text ?? '');
  await expect(cascade.locator('#cascade-seed')).toHaveValue(SEED);
  await expect.poll(() => plotMarkup(cascade), { message: 'plot from the link equals the plot set by hand', timeout: 20_000 }).toBe(byHand);
  await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
});

test('a breaker link restores its settings, its seed, compare mode and the replay time', async ({ page }) => {
  await page.goto(`${CB_PAGE}?breaker.outage-mode=hang&breaker.open-duration=1000&breaker.seed=${SEED}&breaker.t=30&breaker.compare=1&breaker-b.breaker=false`);
  const breaker = await hydrated(page, 'breaker');
  await expect(breaker.locator('#breaker-outage-mode')).toHaveValue('hang');
  await expect(breaker.locator('#breaker-open-duration')).toHaveAttribute('aria-valuetext', '1,000 ms');
  await expect(breaker.locator('#breaker-seed')).toHaveValue(SEED);
  await expect(breaker.locator('#breaker-t')).toHaveValue('30');
  await expect(breaker.getByRole('button', { name: 'Compare A/B' })).toHaveAttribute('aria-pressed', 'true');
  await expect(breaker.locator('#breaker-b-breaker')).not.toBeChecked();
  await expect(breaker.locator('[data-testid="comparison"] thead th')).toHaveText(['Measure', 'A', 'B']);
  expect(await highlightedState(breaker)).not.toBeNull();
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
});

for (const id of CB_WIDGETS) {
  test(`moving a ${id} slider rewrites the URL in place, adding no history entry`, async ({ page }) => {
    await page.goto(`${CB_PAGE}?other.key=kept`);
    const section = await hydrated(page, id);
    const historyBefore = await page.evaluate(() => history.length);
    const slider = section.locator(`#${id}-rate`);
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => queryOf(page)[`${id}.rate`], `URL carries ${id}.rate`).toBeDefined();
    expect(await page.evaluate(() => history.length), 'history entries after five slider ticks').toBe(historyBefore);
    expect(queryOf(page)['other.key'], 'a key of another widget survives').toBe('kept');
  });

  test(`Compare A/B in the ${id} widget shows the B controls, a second result and ${id}.compare=1 in the URL`, async ({ page }) => {
    await page.goto(CB_PAGE);
    const section = await hydrated(page, id);
    const toggle = section.getByRole('button', { name: 'Compare A/B' });
    await expect(section.locator(`[id^="${id}-b-"]`)).toHaveCount(0);
    const before = await settledPlot(section);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(section.locator(`input[id^="${id}-b-"], select[id^="${id}-b-"]`).first()).toBeVisible();
    expect((await waitForPlotChange(section, before)).changed, 'the plot shows the comparison').toBe(true);
    await expect.poll(() => queryOf(page)[`${id}.compare`]).toBe('1');
  });
}
