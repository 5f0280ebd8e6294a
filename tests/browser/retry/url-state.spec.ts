import { expect, test } from '@playwright/test';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated, plotMarkup, queryOf, settledPlot, sliderIds, waitForPlotChange } from '../helpers/widget.ts';

const SEED = '7';

test('a link with storm.spike-rate and storm.seed restores the controls and the plot reached by hand', async ({ page }) => {
  // By hand: three steps up on the spike rate, then the seed typed in.
  await page.goto(RETRY_PAGE);
  let storm = await hydrated(page, 'storm');
  const spikeRate = storm.locator('#storm-spike-rate');
  const seed = storm.locator('#storm-seed');
  const defaultPlot = await settledPlot(storm);
  await spikeRate.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await seed.fill(SEED);
  await seed.press('Tab');
  expect((await waitForPlotChange(storm, defaultPlot)).changed, 'the plot changed after setting spike rate and seed').toBe(true);
  const byHand = await settledPlot(storm);
  const sliderValue = await spikeRate.inputValue();
  const sliderText = await spikeRate.getAttribute('aria-valuetext');
  const query = queryOf(page);
  expect(query['storm.seed'], `URL after setting the seed: ${page.url()}`).toBe(SEED);
  const urlRate = query['storm.spike-rate'];
  expect(urlRate, `URL after moving the spike rate: ${page.url()}`).toBeDefined();

  // The link, in a fresh page, in the order a trainer might write it.
  const fresh = await page.context().newPage();
  await fresh.goto(`${RETRY_PAGE}?storm.spike-rate=${encodeURIComponent(urlRate)}&storm.seed=${SEED}`);
  storm = await hydrated(fresh, 'storm');
  await expect(storm.locator('#storm-spike-rate')).toHaveValue(sliderValue);
  await expect(storm.locator('#storm-spike-rate')).toHaveAttribute('aria-valuetext', sliderText ?? '');
  await expect(storm.locator('#storm-seed')).toHaveValue(SEED);
  await expect.poll(() => plotMarkup(storm), { message: 'plot from the link equals the plot set by hand', timeout: 20_000 }).toBe(byHand);
  await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
});

for (const id of RETRY_WIDGETS) {
  test(`moving a ${id} slider rewrites the URL in place, adding no history entry`, async ({ page }) => {
    await page.goto(`${RETRY_PAGE}?other.key=kept`);
    const section = await hydrated(page, id);
    const [first] = await sliderIds(section, id);
    const historyBefore = await page.evaluate(() => history.length);
    const slider = section.locator(`#${first}`);
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const param = `${id}.${await slider.getAttribute('name')}`;
    await expect.poll(() => queryOf(page)[param], `URL carries ${param}`).toBeDefined();
    expect(await page.evaluate(() => history.length), 'history entries after five slider ticks').toBe(historyBefore);
    expect(queryOf(page)['other.key'], 'a key of another widget survives').toBe('kept');
  });
}

test('Reset brings the storm widget back to its defaults, its default plot and a clean URL', async ({ page }) => {
  await page.goto(RETRY_PAGE);
  const storm = await hydrated(page, 'storm');
  const defaultPlot = await settledPlot(storm);
  const spikeRate = storm.locator('#storm-spike-rate');
  const defaultValue = await spikeRate.inputValue();
  await spikeRate.focus();
  await page.keyboard.press('End');
  expect((await waitForPlotChange(storm, defaultPlot)).changed).toBe(true);
  const changedPlot = await settledPlot(storm);

  await storm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(spikeRate).toHaveValue(defaultValue);
  expect((await waitForPlotChange(storm, changedPlot)).changed).toBe(true);
  expect(await settledPlot(storm)).toBe(defaultPlot);
  expect(Object.keys(queryOf(page)).filter((k) => k.startsWith('storm.'))).toEqual([]);
});
