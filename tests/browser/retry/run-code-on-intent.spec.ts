import { expect, test } from '@playwright/test';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated, widget } from '../helpers/widget.ts';

// Starlight loads its search UI when the browser is idle, on every page: not ours.
const isSearchUi = (url: string) => /\/ui-core\.[^/]*\.js$/.test(url) || url.includes('/pagefind/');

test('a page loads no run code until the reader turns to a widget, and then loads it', async ({ page }) => {
  const scripts: string[] = [];
  // The page's worker starts when the reader turns to a widget (its own script; scenarios' code as runs come).
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('request', (r) => {
    const url = r.url();
    if (url.endsWith('.js') && !isSearchUi(url) && !workers.includes(url) && !/\/simulation\.worker[^/]*\.js$/.test(url)) scripts.push(url);
  });
  // The pointer away from every widget: a scroll under it would count as the reader's intent.
  await page.mouse.move(1, 1);
  await page.goto(RETRY_PAGE);
  for (const id of RETRY_WIDGETS) await hydrated(page, id);
  const atHydration = scripts.length;
  // The network goes quiet (500 ms without a request, past the 150 ms the page's idle callbacks may wait)
  // with nothing more loaded while the reader only reads.
  await page.waitForLoadState('networkidle');
  expect(scripts.slice(atHydration), 'scripts loaded after hydration, before any intent').toEqual([]);
  expect(workers, 'workers started before any intent').toEqual([]);

  await widget(page, 'storm').hover();
  await expect.poll(() => scripts.length, { message: 'the run code loads when the pointer is over a widget', timeout: 15_000 }).toBeGreaterThan(atHydration);
  await expect.poll(() => workers.length, { message: 'the one worker runs its warm-up', timeout: 15_000 }).toBe(1);
});
