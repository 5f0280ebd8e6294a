import { expect, test, type Page } from '@playwright/test';
import { hydrated } from '../helpers/widget.ts';
import { CB_PAGE } from './cb-page.ts';

declare global {
  interface Window {
    __rlWorkerTasks?: { sent: number; inFlight: number; lastChange: number };
  }
}

/** Counts the runs the page sends its worker and those it has back, so the test can tell when the worker has nothing left to do. */
function countWorkerTasks(): void {
  const tasks = { sent: 0, inFlight: 0, lastChange: 0 };
  window.__rlWorkerTasks = tasks;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
        if (e.data?.type !== 'done' && e.data?.type !== 'error') return;
        tasks.inFlight--;
        tasks.lastChange = performance.now();
      });
    }
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      if ((message as { type?: string } | null)?.type === 'run') {
        tasks.sent++;
        tasks.inFlight++;
        tasks.lastChange = performance.now();
      }
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
}

/** Waits until the worker has run what it was given and nothing has been sent for half a second. */
async function workerQuiet(page: Page, message: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const t = window.__rlWorkerTasks!;
          return t.sent > 0 && t.inFlight === 0 && performance.now() - t.lastChange > 500;
        }),
      { timeout: 30_000, message },
    )
    .toBe(true);
}

test('the steps one and two either side of the slider the reader is on are computed ahead: a press, and a jump of two steps, find their runs cached', async ({ page }) => {
  await page.addInitScript(countWorkerTasks);
  await page.goto(CB_PAGE);
  // The cascade's one run per plan is cheap enough to be computed ahead on a loaded machine too.
  const cascade = await hydrated(page, 'cascade');
  const slider = cascade.locator('#cascade-workers');
  const before = Number(await slider.inputValue());
  await slider.focus();
  await workerQuiet(page, 'the worker finishes what the focus gave it');
  await page.keyboard.press('ArrowRight');
  const first = Number(await slider.inputValue());
  expect(first).toBeGreaterThan(before);
  await expect(cascade.getByTestId('run-status')).toHaveText(/^Done: \d+ runs? already computed\.$/);
  // Two steps at once, as a held key's second step arrives before anything the first step
  // asked for is computed: ahead of this press, its plan was computed from the last one's.
  await workerQuiet(page, 'the worker finishes the steps ahead of the press');
  const step = first - before;
  await slider.evaluate((el: HTMLInputElement, v: number) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, first + 2 * step);
  await expect(slider).toHaveValue(String(first + 2 * step));
  await expect(cascade.getByTestId('run-status')).toHaveText(/^Done: \d+ runs? already computed\.$/);
});
