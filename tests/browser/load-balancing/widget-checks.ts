import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseCsv } from '../helpers/csv.ts';
import { watchPageProblems } from '../helpers/page-problems.ts';
import { scrollThroughPage } from '../helpers/scroll.ts';
import { settleWidgets } from '../helpers/settle.ts';
import { charts, hydrated, settledPlot as settledPlotWithin, sliderIds, waitForPlotChange, widget } from '../helpers/widget.ts';

/** The load-balancing and health widgets run longer than the retry ones on this machine's 2 cores. */
const settledPlot = (section: Locator): Promise<string> => settledPlotWithin(section, 60_000);
import { seriousViolations } from '../helpers/axe.ts';

/**
 * The browser checks shared by the load-balancing and health-check pages,
 * one test each per page or widget. Widgets are judged in place on their
 * real page, as a reader meets them.
 */

/** Data drawn in a chart, not just its frame: marks inside series, categories, key cells or timeline lanes, with a real shape. */
async function drawnMarks(svg: Locator): Promise<number> {
  return svg.evaluate((el) => {
    const marks = el.querySelectorAll('[data-series] path, [data-series] rect, [data-series] circle, [data-fate] rect, [data-host] line, [data-host] path');
    return [...marks].filter((m) => {
      if (m instanceof SVGPathElement) return (m.getAttribute('d') ?? '').length > 10;
      if (m instanceof SVGRectElement) return Number(m.getAttribute('width')) > 0;
      return true;
    }).length;
  });
}

export function pageLoads(path: string): void {
  test(`${path} loads, hydrates and runs every widget with no console error, page error or failed request`, async ({ page }) => {
    const problems = watchPageProblems(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await scrollThroughPage(page);
    await settleWidgets(page);
    await page.waitForLoadState('networkidle');
    problems.expectNone();
  });
}

export function defaultPlotsWithoutJavaScript(path: string, ids: readonly string[]): void {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test(`every widget on ${path} shows its default plots, drawn, titled and summarised`, async ({ page }) => {
      await page.goto(path);
      for (const id of ids) {
        const section = widget(page, id);
        await expect(section, `widget ${id} in the static HTML`).toHaveCount(1);
        const svgs = charts(section);
        expect(await svgs.count(), `charts of ${id} in the static HTML`).toBeGreaterThan(0);
        for (const svg of await svgs.all()) {
          const name = `${id} / ${await svg.getAttribute('data-chart')}`;
          await expect(svg, name).toBeVisible();
          await expect(svg.locator(':scope > title'), name).not.toHaveText('');
          expect(await drawnMarks(svg), `marks drawn in ${name}`).toBeGreaterThan(0);
        }
        const summaries = section.getByTestId('chart-summary');
        expect(await summaries.count()).toBe(await svgs.count());
        for (const s of await summaries.all()) await expect(s).toHaveText(/\d/);
      }
    });
  });
}

export function axeClean(path: string, ids: readonly string[]): void {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} mode`, () => {
      test.use({ colorScheme: scheme });
      // axe's colour-contrast pass over SVG text is slow here; one widget at a time keeps each test well inside it.
      test.describe.configure({ timeout: 240_000 });
      for (const id of ids) {
        test(`axe finds no serious or critical violation in the ${id} widget on ${path}`, async ({ page }) => {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
          await hydrated(page, id);
          const results = await new AxeBuilder({ page }).include(`section[data-widget="${id}"]`).analyze();
          expect(seriousViolations(results)).toEqual([]);
        });
      }
    });
  }
}

/**
 * Every slider of a widget, one after another on one page: a step with the
 * keyboard must change the plot (and the URL), and the step back must
 * bring back the very plot of the defaults.
 */
export function slidersChangeThePlot(path: string, id: string): void {
  test(`every ${id} slider moved with the keyboard changes the plot, and moving it back restores the default plot`, async ({ page }) => {
    await page.goto(path);
    const section = await hydrated(page, id);
    const ids = await sliderIds(section, id);
    expect(ids.length, `sliders in the ${id} widget`).toBeGreaterThan(0);
    test.setTimeout(60_000 + ids.length * 60_000);
    const defaultPlot = await settledPlot(section);
    const failures: string[] = [];
    for (const sliderId of ids) {
      await test.step(sliderId, async () => {
        const slider = section.locator(`#${sliderId}`);
        await expect.soft(section.locator(`label[for="${sliderId}"]`), `visible label for #${sliderId}`).toBeVisible();
        const value0 = await slider.inputValue();
        const text0 = await slider.getAttribute('aria-valuetext');
        const atMax = value0 === (await slider.getAttribute('max'));
        const [forth, back] = atMax ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
        await slider.focus();
        await page.keyboard.press(forth);
        if ((await slider.inputValue()) === value0) failures.push(`#${sliderId}: ${forth} left the value at ${value0}`);
        const text1 = await slider.getAttribute('aria-valuetext');
        if (!text1 || text1 === text0) failures.push(`#${sliderId}: aria-valuetext "${text0}" did not follow the value (now "${text1}")`);
        const changed = await waitForPlotChange(section, defaultPlot, 60_000);
        if (!changed.changed) failures.push(`#${sliderId}: ${value0} -> ${await slider.inputValue()} did not change the plot (data-state=${changed.state})`);
        await expect.poll(() => new URL(page.url()).searchParams.has(`${id}.${sliderId.slice(id.length + 1)}`), { message: `URL carries ${sliderId}` }).toBe(true);
        await page.keyboard.press(back);
        if ((await slider.inputValue()) !== value0) failures.push(`#${sliderId}: ${back} did not return to ${value0}`);
        if ((await settledPlot(section)) !== defaultPlot) failures.push(`#${sliderId}: back at ${value0}, the plot is not the default one`);
      });
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

/** Malformed and out-of-range URL values: a notice naming each, the nearest valid value in the control, a working widget. */
export function malformedUrlGivesNotice(
  path: string,
  id: string,
  bad: Readonly<Record<string, string>>,
  expected: (section: Locator, defaults: Record<string, string>) => Promise<void>,
): void {
  test(`malformed ${id} values in the URL are replaced by the nearest valid ones, with a notice and a working widget`, async ({ page }) => {
    await page.goto(path);
    const clean = await hydrated(page, id);
    const defaults: Record<string, string> = {};
    for (const key of Object.keys(bad)) {
      const control = clean.locator(`#${id}-${key}`);
      if ((await control.count()) === 1) defaults[key] = await control.inputValue();
    }

    const problems = watchPageProblems(page);
    const query = new URLSearchParams(Object.entries(bad).map(([k, v]) => [`${id}.${k}`, v]));
    await page.goto(`${path}?${query}`);
    const section = await hydrated(page, id);
    const notice = section.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'status');
    for (const [k, v] of Object.entries(bad)) {
      await expect(notice, `the notice names ${id}.${k}`).toContainText(`${id}.${k}`);
      await expect(notice, `the notice quotes "${v}"`).toContainText(v);
    }
    await expected(section, defaults);
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    expect(await charts(section).count()).toBeGreaterThan(0);
    problems.expectNone();
  });
}

/** The URL a reader's changes leave behind, opened in a fresh page, gives the same controls and the same plot. */
export function urlRestoresState(path: string, id: string, change: (page: Page, section: Locator) => Promise<void>, controls: readonly string[]): void {
  test(`a ${id} link restores the controls and the plot reached by hand`, async ({ page }) => {
    await page.goto(path);
    let section = await hydrated(page, id);
    const defaultPlot = await settledPlot(section);
    await change(page, section);
    expect((await waitForPlotChange(section, defaultPlot, 60_000)).changed, 'the plot changed').toBe(true);
    const byHand = await settledPlot(section);
    const values = await Promise.all(controls.map((c) => controlValue(section.locator(`#${c}`))));
    // The URL is written at most every 250 ms: wait until it carries this widget's state, then
    // flush any write still waiting, as the page does when the reader leaves it (pagehide).
    await expect.poll(() => [...new URL(page.url()).searchParams.keys()].filter((k) => k.startsWith(`${id}.`)).length).toBeGreaterThan(0);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    const link = page.url();

    const fresh = await page.context().newPage();
    await fresh.goto(link);
    section = await hydrated(fresh, id);
    for (const [i, c] of controls.entries()) expect(await controlValue(section.locator(`#${c}`)), `#${c} from the link`).toBe(values[i]);
    await expect.poll(() => settledPlot(section), { message: 'plot from the link equals the plot set by hand', timeout: 90_000 }).toBe(byHand);
    await expect(fresh.getByTestId('url-notice')).toHaveCount(0);
  });
}

async function controlValue(control: Locator): Promise<string> {
  const type = await control.getAttribute('type');
  return type === 'checkbox' ? String(await control.isChecked()) : control.inputValue();
}

/** Download SVG gives a well-formed SVG with every chart of the widget; Download CSV a header and rectangular rows of numbers. */
export function downloadsWork(path: string, id: string): void {
  test(`the ${id} widget’s Download SVG and Download CSV save every chart and its data`, async ({ page }) => {
    await page.goto(path);
    const section = await hydrated(page, id);
    const chartCount = await charts(section).count();

    const [svgFile] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toBe(`${id}-charts.svg`);
    const svg = await readFile(await svgFile.path(), 'utf8');
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, charts: doc.querySelectorAll('svg > svg').length };
    }, svg);
    expect(parsed).toEqual({ error: null, root: 'svg', charts: chartCount });

    const [csvFile] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csvFile.suggestedFilename()).toBe(`${id}-data.csv`);
    const [header, ...rows] = parseCsv(await readFile(await csvFile.path(), 'utf8'));
    expect(header).toEqual(['chart', 'series', 'x', 'y', 'y_error', 'x_label', 'y_label']);
    expect(rows.filter((r) => r.length !== header.length), 'ragged rows').toEqual([]);
    // y is a number, or empty where a line has a gap (a value too small for a log axis, a second with no request).
    expect(rows.filter((r) => r[3] !== '' && !Number.isFinite(Number(r[3]))), 'rows whose y is not a number').toEqual([]);
    expect(rows.filter((r) => r[3] !== '').length, 'rows carrying a value').toBeGreaterThan(rows.length / 2);
    // Every chart on screen has its data in the file.
    const drawn = await charts(section).evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(drawn));
  });
}
