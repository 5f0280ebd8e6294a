/**
 * `npm run bench:site [-- --page retry] [--no-lighthouse] [--weight-only]`: measures the
 * built site (dist/, or --dist DIR) as a reader gets it; builds nothing.
 * Serves it with `astro preview` on loopback and, in Chromium, prints per
 * page and per widget:
 * - slider to chart: from a key press on each slider (default settings) to
 *   the first change inside the widget's chart SVG plus the next frame;
 *   median and p95 over the widget's sliders, each pressed a reader's pause
 *   after its focus (READER_PAUSE_MS); beside them, against the same
 *   thresholds, each slider's next step pressed as soon as the first one's
 *   chart changed (a held key, a drag); and, not a target, the first slider
 *   pressed right after the focus on a fresh page (what loading the run
 *   code costs); pages are opened with reduced motion, so that only a
 *   press's own result changes a chart;
 * - main-thread long tasks (over 50 ms) while the sliders were pressed, and
 *   while the page loaded and hydrated;
 * - JS loaded: gzip KB of the scripts the page requested up to every widget
 *   hydrated (the target), and after the presses (the widgets' run code and
 *   the worker's, loaded only when the reader uses a widget);
 * - Lighthouse mobile performance, accessibility and TBT when `lighthouse`
 *   is installed (it is not a dependency), "skipped" otherwise.
 * Targets (issue 9): median ≤ 16 ms, p95 ≤ 50 ms, no long task, ≤ 120 KB.
 *
 * `--weight-only` presses no slider and runs no Lighthouse: it loads each
 * page, waits for every widget to hydrate and prints the per-page table
 * (JS KB hydrated, search UI, long tasks while loading, what ran on
 * hydration) followed by the gzip KB of each script the page loaded, the
 * largest first, and the worker's size in the build: a quick check after
 * a bundle change.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/browser/helpers/chromium.ts';
import { sitePages } from '../../tests/browser/helpers/site-pages.ts';
import { gzipKb, workerScripts } from './js-weight.ts';
import { lighthouse, lighthouseAvailable, type LighthouseScores } from './lighthouse.ts';
import { serveDist } from './serve.ts';
import { longTaskRecorder, READER_PAUSE_MS, timeFirstPressAtOnce, timeSliders, waitHydrated } from './slider-timing.ts';
import { quantile } from './stats.ts';

function flag(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && process.argv[i + 1] !== undefined) out.push(process.argv[i + 1]);
  });
  return out;
}

const distDir = flag('--dist')[0] ?? 'dist';
const port = Number(flag('--port')[0] ?? 4331);
const pageFilters = flag('--page');
const weightOnly = process.argv.includes('--weight-only');
const wantLighthouse = !weightOnly && !process.argv.includes('--no-lighthouse');

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const mark = (ok: boolean) => (ok ? '' : ' ✗');

let pages: string[];
try {
  pages = sitePages(distDir).filter((p) => pageFilters.length === 0 || pageFilters.some((f) => p.includes(f)));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

console.log(`bench:site on ${distDir}/ · ${cpus().length} cores · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} · ${new Date().toISOString()}`);
const server = await serveDist(distDir, port);
const browser = await chromium.launch(chromiumLaunchOptions());

interface PageRow {
  page: string;
  kbHydrated: number;
  kbAfter: number;
  kbSearch: number;
  hydrationLongTasks: number[];
  ranOnHydration: string[];
  lighthouse: LighthouseScores | 'skipped';
  /** Each script requested until hydrated (search UI included), gzip KB, largest first. */
  scripts: { name: string; kb: number }[];
}
const pageRows: PageRow[] = [];
const widgetRows: string[] = [];

/**
 * A fresh page of `path` (no widget turned to yet), with what the bench
 * evaluates in it. With reduced motion, as a reader can ask: the breaker's
 * replay otherwise plays on its own for 15 s after the page loads, moving
 * its chart every 50 ms, and a press would be timed to whichever change came
 * first, its own or the replay's (faster than the press's own, or, for a
 * press that changes nothing, up to 50 ms for nothing).
 */
async function openPage(path: string) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  // tsx (esbuild keepNames) wraps named functions in __name(); the functions this bench evaluates in the page need it there too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(longTaskRecorder);
  return { context, page };
}

try {
  for (const path of pages) {
    const { context, page } = await openPage(path);
    const scripts: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === server.origin && u.pathname.endsWith('.js')) scripts.push(r.url());
    });
    // Workers' requests are the worker's own; the page's request event does not see them.
    page.on('worker', (w) => scripts.push(w.url()));
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const ids = await page.locator('section[data-widget]').evaluateAll((els) => els.map((e) => e.getAttribute('data-widget') ?? ''));
    for (const id of ids) await waitHydrated(page, id);
    const hydratedScripts = [...scripts];
    // At the defaults hydration must show the embedded build-time result and run nothing: the run status says which.
    const ranOnHydration = await page.locator('section[data-widget]').evaluateAll((els) =>
      els.flatMap((el) => {
        const status = el.querySelector('[data-testid="run-status"]')?.textContent ?? '';
        return status.includes('computed when this page was built') ? [] : [`${el.getAttribute('data-widget')}: "${status}"`];
      }),
    );
    const hydrationLongTasks = await page.evaluate(() => (window.__rlLongTasks ?? []).map((t) => t.duration));

    const widgets: { id: string; presses: Awaited<ReturnType<typeof timeSliders>> }[] = [];
    for (const id of weightOnly ? [] : ids) widgets.push({ id, presses: await timeSliders(page, id) });
    // Starlight imports its search UI (pagefind's ui-core chunk) when the browser is idle, on every page: counted apart.
    const isSearch = (u: string) => /\/ui-core\.[^/]*\.js$/.test(u);
    const kbHydrated = gzipKb(distDir, hydratedScripts.filter((u) => !isSearch(u)));
    const kbAfter = gzipKb(distDir, scripts.filter((u) => !isSearch(u)));
    const kbSearch = gzipKb(distDir, scripts.filter(isSearch));
    const scriptKb = [...new Set(hydratedScripts)]
      .map((u) => ({ name: new URL(u).pathname.replace(/^.*\//, ''), kb: gzipKb(distDir, [u]) }))
      .sort((a, b) => b.kb - a.kb);
    await context.close();
    // The same first press at once after the focus, each on a page of its own (the page above closed: nothing else runs).
    for (const { id, presses } of widgets) {
      const fresh = await openPage(path);
      await fresh.page.goto(server.origin + path, { waitUntil: 'load' });
      await waitHydrated(fresh.page, id);
      const atOnce = await timeFirstPressAtOnce(fresh.page, id);
      await fresh.context.close();
      const times = presses.flatMap((p) => (p.ms === undefined ? [] : [p.ms]));
      const missed = presses.flatMap((p) => (p.ms === undefined ? [p.slider] : p.next === undefined ? [`${p.slider} (next step)`] : []));
      const long = presses.flatMap((p) => p.longTasks);
      const med = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      // A widget's first press also runs its scenarios' code while it is still cold (loaded on the
      // reader's first pointer, focus or touch: here the focus READER_PAUSE_MS before the key);
      // apart, so that a reader sees how much of the p95 that is. The target counts every press.
      const first = presses[0]?.ms;
      // The next step at once: what a held key or a drag meets, before anything the first step asked for could be computed.
      const nexts = presses.flatMap((p) => (p.next === undefined ? [] : [p.next]));
      const nextMed = quantile(nexts, 0.5);
      const nextP95 = quantile(nexts, 0.95);
      const worst = presses.reduce<{ slider: string; ms: number } | undefined>(
        (w, p) => (p.ms !== undefined && (!w || p.ms > w.ms) ? { slider: p.slider, ms: p.ms } : w),
        undefined,
      );
      widgetRows.push(
        `| ${path} | ${id} | ${presses.length} | ${fmt(med)}${mark(med <= 16)} | ${fmt(p95)}${mark(p95 <= 50)} | ${fmt(first)} | ${fmt(nextMed)}${mark(nextMed <= 16)} | ${fmt(nextP95)}${mark(nextP95 <= 50)} | ${fmt(atOnce)} | ${worst ? `${worst.slider.slice(id.length + 1)} ${fmt(worst.ms)}` : '—'} | ${long.length}${long.length ? ` (max ${fmt(Math.max(...long))})` : ''}${mark(long.length === 0)} | ${missed.length ? missed.join(' ') : ''} |`,
      );
    }
    const lh = wantLighthouse && lighthouseAvailable() ? lighthouse(server.origin + path) : 'skipped';
    pageRows.push({ page: path, kbHydrated, kbAfter, kbSearch, hydrationLongTasks, ranOnHydration, lighthouse: lh, scripts: scriptKb });
    console.error(`  measured ${path}`);
  }
} finally {
  await browser.close();
  server.stop();
}

if (!weightOnly) {
  console.log('\nSlider to chart (ms, key press to first chart change + next frame; ✗ misses median ≤ 16, p95 ≤ 50, no long task)\n');
  console.log(
    `Median, p95: each slider's step pressed ${READER_PAUSE_MS} ms after its focus, as a reader presses (counted); first press: the widget's first slider's. Next step at once: the same slider's next step, pressed as soon as the first one's chart changed (a held key, a drag), against the same thresholds. First press at once: the widget's first slider pressed right after the focus on a fresh page, while its run code loads (not counted: no reader is that quick)\n`,
  );
  console.log('| page | widget | sliders | median | p95 | first press | next step at once: median | p95 | first press at once | slowest slider | long tasks > 50 ms | no chart change |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of widgetRows) console.log(r);
}

console.log(
  "\nPer page (JS gzip KB requested until every widget hydrated, without the search UI; ✗ over 120 KB. After the presses adds what the reader's use loaded: the widgets' run code and the worker's; not a target)\n",
);
console.log('| page | JS KB hydrated | JS KB after presses | search UI (idle) | long tasks while loading | ran on hydration | Lighthouse perf | a11y | TBT ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of pageRows) {
  const lh = r.lighthouse === 'skipped' ? ['skipped', 'skipped', 'skipped'] : [String(r.lighthouse.performance), String(r.lighthouse.accessibility), String(r.lighthouse.tbtMs)];
  const lt = r.hydrationLongTasks;
  const after = weightOnly ? 'not pressed' : fmt(r.kbAfter, 1);
  console.log(`| ${r.page} | ${fmt(r.kbHydrated, 1)}${mark(r.kbHydrated <= 120)} | ${after} | ${fmt(r.kbSearch, 1)} | ${lt.length}${lt.length ? ` (max ${fmt(Math.max(...lt))})` : ''} | ${r.ranOnHydration.length ? `${r.ranOnHydration.join('; ')} ✗` : 'nothing'} | ${lh.join(' | ')} |`);
}
if (weightOnly) {
  console.log('\nScripts loaded until every widget hydrated (gzip KB, largest first; the search UI is ui-core)\n');
  for (const r of pageRows) console.log(`${r.page}: ${r.scripts.map((s) => `${s.name} ${fmt(s.kb, 1)}`).join(', ')}`);
  // No slider is pressed here, so no page starts its worker: its size is read from the build instead.
  const workers = workerScripts(distDir);
  console.log(`\nWorker (loaded only when a run goes to it; not counted above): ${workers.length ? workers.map((w) => `${w.name} ${fmt(w.kb, 1)} KB`).join(', ') : 'none in the build'}`);
}
console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
