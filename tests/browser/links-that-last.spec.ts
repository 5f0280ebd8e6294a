import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { CHAOS_PAGE, FAILOVER_PAGE, INTRODUCTION_PAGE, RETRY_PAGE } from './helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated, plotMarkup, settledPlot, widget } from './helpers/widget.ts';

/**
 * Links that last: a widget's "Copy link" opens, in a fresh page, at the
 * widget (scrolled to its anchor and hydrated there, with no scrolling of
 * ours), in the same state, showing the same plot. Every widget of the retry
 * page goes through the Clipboard API; one widget of every other page goes
 * through the fallback (no Clipboard API: the link is shown selected).
 */

/** Opens `link` in a fresh page and waits, without scrolling, for the widget to hydrate and finish. */
async function openAtWidget(browser: Browser, link: string, id: string): Promise<{ page: Page; section: Locator }> {
  const page = await browser.newPage();
  await page.goto(link);
  const section = widget(page, id);
  await expect(section, `the link's anchor brings "${id}" into view`).toBeInViewport();
  // client:visible must hydrate it where the anchor put it: no scrollIntoView here.
  await page.waitForFunction((sel) => Object.keys(document.querySelector(sel) ?? {}).some((k) => k.startsWith('__reactProps$')), `section[data-widget="${id}"]`, {
    timeout: 60_000,
  });
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  return { page, section };
}

/** The state the reader sees: every control's value (A, B, seed, preset, view state). */
async function controls(section: Locator): Promise<Record<string, string>> {
  return section.locator('input[id], select[id]').evaluateAll((els) =>
    Object.fromEntries(els.filter((e) => !e.id.endsWith('-link')).map((e) => [e.id, (e as HTMLInputElement).type === 'checkbox' ? String((e as HTMLInputElement).checked) : (e as HTMLInputElement).value])),
  );
}

async function expectSameWidget(copied: { controls: Record<string, string>; plot: string }, section: Locator): Promise<void> {
  await expect.poll(() => controls(section), { message: 'the controls are as they were when the link was copied' }).toEqual(copied.controls);
  await expect.poll(() => settledPlot(section), { message: 'the plot is the one shown when the link was copied', timeout: 40_000 }).toBe(copied.plot);
  await expect(section.page().getByTestId('url-notice')).toHaveCount(0);
}

test('retry page: every widget\'s copied link (clipboard) reopens at the widget with the same state and plot', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(RETRY_PAGE);
  for (const id of RETRY_WIDGETS) {
    const section = await hydrated(page, id);
    // Off the defaults: a preset (the last one, a comparison where there is one), then a seed.
    const picker = section.locator(`#${id}-preset`);
    const last = await picker.locator('option').last().getAttribute('value');
    await picker.selectOption(last ?? '');
    await section.locator(`#${id}-seed`).fill('5');
    await section.locator(`#${id}-seed`).press('Tab');
    const plot = await settledPlot(section);
    const state = await controls(section);
    await section.getByRole('button', { name: 'Copy link' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.hash).toBe(`#${id}`);
    expect(url.searchParams.get(`${id}.v`)).toBe('1');
    expect(url.searchParams.get(`${id}.seed`)).toBe('5');
    const opened = await openAtWidget(browser, link, id);
    await expectSameWidget({ controls: state, plot }, opened.section);
    await opened.page.close();
  }
  await context.close();
});

const ONE_PER_PAGE = [
  { page: '/circuit-breaker/', id: 'cascade' },
  { page: '/load-balancing/', id: 'supermarket' },
  { page: '/health-checks/', id: 'health' },
  { page: FAILOVER_PAGE, id: 'hedging' },
  { page: CHAOS_PAGE, id: 'inject' },
  { page: INTRODUCTION_PAGE, id: 'availability' },
];

for (const w of ONE_PER_PAGE) {
  test(`${w.page}: the "${w.id}" widget's copied link (no Clipboard API: selected text field) reopens it the same`, async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    const page = await context.newPage();
    await page.goto(w.page);
    const section = await hydrated(page, w.id);
    const picker = section.locator(`#${w.id}-preset`);
    const values = await picker.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await picker.selectOption(values[1] ?? values[0]);
    const plot = await settledPlot(section);
    const state = await controls(section);
    await section.getByRole('button', { name: 'Copy link' }).click();
    const field = section.getByLabel('Link to this widget');
    const link = await field.inputValue();
    await expect.poll(() => field.evaluate((e: HTMLInputElement) => (e.selectionEnd ?? 0) - (e.selectionStart ?? 0)), { message: 'the link is selected' }).toBe(link.length);
    await expect(section.getByRole('status').filter({ hasText: 'Ctrl+C' })).toHaveCount(1);
    expect(new URL(link).hash).toBe(`#${w.id}`);
    const opened = await openAtWidget(browser, link, w.id);
    await expectSameWidget({ controls: state, plot }, opened.section);
    await context.close();
    await opened.page.close();
  });
}

test('a preset by name, overridden by an explicit key, and a versioned link', async ({ page }) => {
  // By hand: the token-bucket preset, then the seed.
  await page.goto(RETRY_PAGE);
  const storm = await hydrated(page, 'storm');
  await storm.locator('#storm-preset').selectOption('token-bucket');
  await storm.locator('#storm-seed').fill('3');
  await storm.locator('#storm-seed').press('Tab');
  const byHand = { controls: await controls(storm), plot: await settledPlot(storm) };

  // The same by name, with a page-wide version, in a fresh page.
  const { page: named, section } = await openAtWidget(page.context().browser()!, `${RETRY_PAGE}?v=1&storm.preset=token-bucket&storm.seed=3#storm`, 'storm');
  await expectSameWidget(byHand, section);
  await expect(section.locator('#storm-preset')).toHaveValue('token-bucket');
  await named.close();

  // An unknown preset name and an unknown version: told, and the defaults are used.
  const { page: bad, section: badStorm } = await openAtWidget(page.context().browser()!, `${RETRY_PAGE}?storm.v=9&storm.preset=nope#storm`, 'storm');
  const notice = bad.getByTestId('url-notice');
  await expect(notice).toContainText('storm.preset');
  await expect(notice).toContainText('storm.v');
  await expect(badStorm.locator('#storm-preset')).toHaveValue('no-protection');
  await bad.close();
});
