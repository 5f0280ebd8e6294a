import type { Page } from '@playwright/test';

/** One slider's key presses: how long until the widget's chart changed and the next frame was drawn. */
export interface PressTiming {
  readonly slider: string;
  /** The press a reader's pause after the focus. Undefined when no chart changed within the timeout. */
  readonly ms: number | undefined;
  /** The next step, pressed as soon as the first one's chart changed: a held key, or a drag. */
  readonly next: number | undefined;
  /** Main-thread long tasks (each over 50 ms) between the first press and the settled result. */
  readonly longTasks: readonly number[];
}

declare global {
  interface Window {
    __rlLongTasks?: { start: number; duration: number }[];
    __rlProbe?: { t0?: number; t1?: number; disconnect(): void };
  }
}

/** Collects every main-thread long task from the first script on; an init script, so it also sees hydration. */
export function longTaskRecorder(): void {
  window.__rlLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__rlLongTasks?.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Waits until the widget's island has hydrated (React's props on the section) and shows a finished result. */
export async function waitHydrated(page: Page, id: string): Promise<void> {
  const sel = `section[data-widget="${id}"]`;
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      if (!el) return false;
      const island = el.closest('astro-island');
      return (!island || !island.hasAttribute('ssr')) && Object.keys(el).some((k) => k.startsWith('__reactProps$')) && el.getAttribute('data-state') === 'done';
    },
    sel,
    { timeout: 60_000 },
  );
}

/** The A side's sliders of a widget (ids `<id>-<name>`; B's are `<id>-b-<name>`), but not those disabled because their parameter does not apply. */
export async function sliderIds(page: Page, id: string): Promise<string[]> {
  const ids = await page.locator(`section[data-widget="${id}"] input[type="range"]:not(:disabled)`).evaluateAll((els) => els.map((e) => e.id));
  return ids.filter((s) => s.startsWith(`${id}-`) && !s.startsWith(`${id}-b-`));
}

/**
 * Presses one key on a slider and times it from the keydown event to the
 * first mutation inside one of the widget's chart SVGs (or a chart SVG
 * added or removed) drawn for the press's own plan, plus the next animation
 * frame: what the reader waits for. The label beside the slider changes at
 * once and is not counted; nor is a chart an earlier plan still draws (a
 * held key's first step refining as its second is pressed): the section's
 * data-plan is the current plan's key and data-shown the drawn one's, and a
 * change counts once they are equal and the plan is no longer the one
 * before the press.
 */
async function press(page: Page, id: string, slider: string, key: string, timeoutMs: number, pauseMs = 0): Promise<number | undefined> {
  await page.evaluate(
    ({ id, slider }) => {
      const section = document.querySelector(`section[data-widget="${id}"]`)!;
      const input = document.getElementById(slider)!;
      const probe: NonNullable<Window['__rlProbe']> = { disconnect: () => {} };
      const inChart = (n: Node | null): boolean => {
        const el = n instanceof Element ? n : n?.parentElement;
        return !!el?.closest('svg[data-chart]');
      };
      const isChart = (n: Node) => n instanceof Element && (n.matches('svg[data-chart]') || !!n.querySelector('svg[data-chart]'));
      const before = section.getAttribute('data-plan');
      const observer = new MutationObserver((records) => {
        if (probe.t0 === undefined || probe.t1 !== undefined) return;
        const plan = section.getAttribute('data-plan');
        if (plan === before || section.getAttribute('data-shown') !== plan) return;
        const hit = records.some((r) => inChart(r.target) || [...r.addedNodes, ...r.removedNodes].some(isChart));
        if (!hit) return;
        observer.disconnect();
        requestAnimationFrame(() => (probe.t1 = performance.now()));
      });
      const onKey = (e: Event) => (probe.t0 ??= e.timeStamp);
      input.addEventListener('keydown', onKey, { capture: true });
      observer.observe(section, { subtree: true, childList: true, attributes: true, characterData: true });
      probe.disconnect = () => {
        observer.disconnect();
        input.removeEventListener('keydown', onKey, { capture: true });
      };
      window.__rlProbe = probe;
      input.focus();
    },
    { id, slider },
  );
  // A reader's pause between turning to the slider and pressing: modelled, not a wait for the page.
  if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  await page.keyboard.press(key);
  try {
    await page.waitForFunction(() => window.__rlProbe?.t1 !== undefined, undefined, { timeout: timeoutMs, polling: 20 });
  } catch {
    // no chart change: reported as such
  }
  return page.evaluate(() => {
    const p = window.__rlProbe!;
    p.disconnect();
    return p.t0 !== undefined && p.t1 !== undefined ? p.t1 - p.t0 : undefined;
  });
}

/** Waits until the widget says "done" and its charts have not changed for `quietMs`. */
async function settle(page: Page, id: string, quietMs = 250, timeoutMs = 60_000): Promise<void> {
  await page.evaluate(
    ({ id, quietMs, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        const section = document.querySelector(`section[data-widget="${id}"]`)!;
        let timer = 0;
        const check = () => {
          clearTimeout(timer);
          timer = window.setTimeout(() => {
            if (section.getAttribute('data-state') === 'done') {
              observer.disconnect();
              clearTimeout(giveUp);
              resolve();
            } else check();
          }, quietMs);
        };
        const observer = new MutationObserver(check);
        observer.observe(section, { subtree: true, childList: true, attributes: true, characterData: true });
        const giveUp = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`widget ${id} did not settle within ${timeoutMs} ms`));
        }, timeoutMs);
        check();
      }),
    { id, quietMs, timeoutMs },
  );
}

/**
 * The time a reader takes between turning to a slider (the focus, or the
 * pointer over it) and pressing a key on it: one keystroke of the
 * keystroke-level model, 0.2 s for a skilled typist and 0.28 s for an
 * average one (Card, Moran and Newell, "The keystroke-level model for user
 * performance time with interactive systems", CACM 23(7), 1980). Coming to
 * a slider is itself an action (a Tab, or a pointer travelling to the
 * thumb, which takes longer), so no reader's press follows it at once. A
 * widget's first press pressed at once instead times the loading of its
 * run code: reported apart (`timeFirstPressAtOnce`).
 */
export const READER_PAUSE_MS = 250;

/** Which key moves a slider one step from where it is, and which moves it back: away from the end it is within two steps of. */
async function keysFor(page: Page, slider: string): Promise<[string, string]> {
  const nearMax = await page.evaluate((s) => {
    const i = document.getElementById(s) as HTMLInputElement;
    return Number(i.value) + 2 * Number(i.step || 1) > Number(i.max);
  }, slider);
  return nearMax ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
}

/**
 * Every A-side slider of a widget at its default settings: one step
 * (ArrowRight, or ArrowLeft near the maximum) `READER_PAUSE_MS` after the
 * focus, as a reader presses, timed; then the next step at once, as soon as
 * the first one's chart changed (a held key, or a drag), timed apart; then
 * both steps back (untimed), so the next slider starts from the defaults
 * again.
 */
export async function timeSliders(page: Page, id: string, timeoutMs = 10_000): Promise<PressTiming[]> {
  const out: PressTiming[] = [];
  for (const slider of await sliderIds(page, id)) {
    const [forward, back] = await keysFor(page, slider);
    const from = await page.evaluate(() => performance.now());
    const ms = await press(page, id, slider, forward, timeoutMs, READER_PAUSE_MS);
    const next = await press(page, id, slider, forward, timeoutMs);
    await settle(page, id);
    const to = await page.evaluate(() => performance.now());
    const longTasks = await page.evaluate(
      ({ from, to }) => (window.__rlLongTasks ?? []).filter((t) => t.start >= from && t.start <= to).map((t) => t.duration),
      { from, to },
    );
    out.push({ slider, ms, next, longTasks });
    await page.locator(`#${slider}`).focus();
    await page.keyboard.press(back);
    await page.keyboard.press(back);
    await settle(page, id);
  }
  return out;
}

/**
 * The widget's first slider pressed right after the focus, on a page where
 * the reader has not turned to the widget before: the key then waits for
 * the run code to load (10-60 ms from this machine's loopback server) and
 * to compile. Faster than any reader presses; a measure of the loading.
 */
export async function timeFirstPressAtOnce(page: Page, id: string, timeoutMs = 10_000): Promise<number | undefined> {
  const slider = (await sliderIds(page, id))[0];
  if (slider === undefined) return undefined;
  const [forward] = await keysFor(page, slider);
  return press(page, id, slider, forward, timeoutMs);
}
