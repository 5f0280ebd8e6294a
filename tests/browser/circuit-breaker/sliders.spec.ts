import { expect, test } from '@playwright/test';
import { hydrated, settledPlot, sliderIds, waitForPlotChange } from '../helpers/widget.ts';
import { CB_PAGE, CB_WIDGETS } from './cb-page.ts';

// The replay must not play by itself while plots are compared.
test.use({ reducedMotion: 'reduce' });

/**
 * Some sliders only matter in a setting (the tests in
 * tests/components/circuit-breaker check the same cases without a browser):
 * the breaker's timeout only when calls hang, a time window's length only for
 * a time window, the minimum number of calls only when the window holds
 * fewer calls than that (a low rate, a time window); the cascade's timeout and bulkhead, moved from 0 to their
 * far end, protect nothing (a 5 s timeout for a 1 s slowdown, a bulkhead as
 * large as the worker pool), so they move one step instead.
 */
const setup: Record<string, string> = {
  'breaker-timeout': 'breaker.outage-mode=hang',
  'breaker-window-duration': 'breaker.window=time',
  'breaker-minimum-calls': 'breaker.window=time&breaker.rate=5',
};
const oneStep = new Set(['cascade-timeout', 'cascade-bulkhead']);

for (const id of CB_WIDGETS) {
  test(`every ${id} slider moved with the keyboard changes the plot`, async ({ page }) => {
    await page.goto(CB_PAGE);
    let section = await hydrated(page, id);
    const ids = await sliderIds(section, id);
    expect(ids.length, `sliders in the ${id} widget`).toBeGreaterThan(id === 'breaker' ? 12 : 8);
    test.setTimeout(60_000 + ids.length * 20_000);
    const defaultPlot = await settledPlot(section);

    // Every slider is tried even when one fails, so the report lists them all.
    const failures: string[] = [];
    for (const sliderId of ids) {
      await test.step(sliderId, async () => {
        let before = defaultPlot;
        if (setup[sliderId]) {
          await page.goto(`${CB_PAGE}?${setup[sliderId]}`);
          section = await hydrated(page, id);
          before = await settledPlot(section);
        }
        const slider = section.locator(`#${sliderId}`);
        await expect.soft(section.locator(`label[for="${sliderId}"]`), `visible label for #${sliderId}`).toBeVisible();
        const value0 = await slider.inputValue();
        const text0 = await slider.getAttribute('aria-valuetext');
        const atMax = value0 === (await slider.getAttribute('max'));
        await slider.focus();
        const key = oneStep.has(sliderId) ? 'ArrowRight' : atMax ? 'Home' : 'End';
        await page.keyboard.press(key);
        const value1 = await slider.inputValue();
        if (value1 === value0) failures.push(`#${sliderId}: ${key} left the value at ${value0}`);
        const text1 = await slider.getAttribute('aria-valuetext');
        if (!text1 || text1 === text0) failures.push(`#${sliderId}: aria-valuetext "${text0}" did not follow the value (now "${text1}")`);
        const r = await waitForPlotChange(section, before);
        if (!r.changed) failures.push(`#${sliderId}: ${value0} -> ${value1} did not change the plot (data-state=${r.state})`);

        // Back to the defaults for the next slider: Reset shows the build-time plot again.
        if (setup[sliderId]) {
          await page.goto(CB_PAGE);
          section = await hydrated(page, id);
        } else {
          await section.getByRole('button', { name: 'Reset', exact: true }).click();
        }
        await expect.poll(() => settledPlot(section), { message: `back to the default plot after ${sliderId}`, timeout: 30_000 }).toBe(defaultPlot);
      });
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}
