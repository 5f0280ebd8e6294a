import { expect, type Locator, type Page } from '@playwright/test';
import { scrollThroughPage } from './scroll.ts';
import { settleWidgets } from './settle.ts';

/** The widgets of the retry page, by id (also their URL prefix), per the DOM contract. */
export const RETRY_WIDGETS = ['jitter', 'storm', 'budget'] as const;

export function widget(page: Page, id: string): Locator {
  return page.locator(`section[data-widget="${id}"]`);
}

/** The widget's charts (B's too, in compare mode). */
export function charts(section: Locator): Locator {
  return section.locator('svg[data-chart]');
}

/** The A side's sliders, in page order (ids `<id>-<param>`, B side's are `<id>-b-<param>`). */
export async function sliderIds(section: Locator, id: string): Promise<string[]> {
  const ids = await section.locator('input[type="range"]').evaluateAll((els) => els.map((e) => e.id));
  return ids.filter((s) => s.startsWith(`${id}-`) && !s.startsWith(`${id}-b-`));
}

/**
 * Waits until the widget's island has hydrated: Astro drops `ssr` when the
 * hydrator returns, but React 19 hydrates in a transition, so the section's
 * own React props are the sign that its event handlers are attached. Before
 * that a key press moves the native slider and React then resets it, which
 * would make a working widget look broken.
 */
export async function hydrated(page: Page, id: string): Promise<Locator> {
  const section = widget(page, id);
  await expect(section, `widget "${id}" is on the page`).toHaveCount(1);
  await section.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const island = el.closest('astro-island');
      const islandDone = !island || !island.hasAttribute('ssr');
      return islandDone && Object.keys(el).some((k) => k.startsWith('__reactProps$'));
    },
    `section[data-widget="${id}"]`,
    { timeout: 60_000 },
  );
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  return section;
}

/**
 * The charts' markup, what the reader sees, in a canonical form so that the
 * same drawing is the same text. React writes inline styles as text in the
 * server render but through the CSSOM when it mounts or updates an element
 * on the client, so "fill:red" becomes "fill: red;"; a preview with fewer
 * series or legend entries than the whole run remounts them. An attribute
 * React removed (a series with no point yet in a preview has no path `d`)
 * and set again comes last. So every style attribute is put in the
 * browser's canonical form (style.cssText) and attributes in name order.
 */
export async function plotMarkup(section: Locator): Promise<string> {
  const all = await charts(section).evaluateAll((els) =>
    els.map((e) => {
      const copy = e.cloneNode(true) as Element;
      for (const n of copy.querySelectorAll<SVGElement>('[style]')) n.setAttribute('style', n.style.cssText);
      for (const n of [copy, ...copy.querySelectorAll('*')]) {
        const attributes = [...n.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => (a < b ? -1 : 1));
        for (const [name] of attributes) n.removeAttribute(name);
        for (const [name, value] of attributes) n.setAttribute(name, value);
      }
      return copy.outerHTML;
    }),
  );
  return all.join('\n');
}

/**
 * Waits until a new result is plotted: data-state back at "done" with chart
 * markup unlike `before`. Returns what it last saw rather than throwing, so a
 * caller checking many sliders can report every one that did nothing.
 */
export async function waitForPlotChange(
  section: Locator,
  before: string,
  timeoutMs = 20_000,
): Promise<{ changed: boolean; state: string | null; markup: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await section.getAttribute('data-state');
    const markup = await plotMarkup(section);
    if (state === 'done' && markup !== before) return { changed: true, state, markup };
    if (state === 'error' || Date.now() > deadline) return { changed: false, state, markup };
    await section.page().waitForTimeout(100);
  }
}

/**
 * Waits for the result to settle on "done" and returns the plot. A run may
 * start a frame after the control changed, so the markup must also be the
 * same on two reads 300 ms apart.
 */
export async function settledPlot(section: Locator, timeoutMs = 30_000): Promise<string> {
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: timeoutMs });
  let last = await plotMarkup(section);
  for (let i = 0; i < Math.ceil(timeoutMs / 600); i++) {
    await section.page().waitForTimeout(300);
    const state = await section.getAttribute('data-state');
    const now = await plotMarkup(section);
    if (state === 'done' && now === last) return now;
    last = now;
  }
  throw new Error('the plot never settled');
}

/** The page's query parameters as a plain object, for messages and checks. */
export function queryOf(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/**
 * Opens a page as a reader does (scrolled through, so every widget hydrates,
 * and its runs settled) and checks that each of `ids` hydrated and drew at
 * least one chart.
 */
export async function openWithEveryWidget(page: Page, path: string, ids: readonly string[]): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await scrollThroughPage(page);
  await settleWidgets(page);
  for (const id of ids) {
    const section = await hydrated(page, id);
    expect(await charts(section).count(), `charts of ${id}`).toBeGreaterThan(0);
  }
}
