import { expect, test } from '@playwright/test';
import { RETRY_PAGE } from '../helpers/site-pages.ts';
import { RETRY_WIDGETS, hydrated, settledPlot, sliderIds, waitForPlotChange } from '../helpers/widget.ts';

for (const id of RETRY_WIDGETS) {
  test(`every ${id} slider moved with the keyboard changes the plot`, async ({ page }) => {
    await page.goto(RETRY_PAGE);
    const ids = await sliderIds(await hydrated(page, id), id);
    expect(ids.length, `sliders in the ${id} widget`).toBeGreaterThan(0);
    // Each slider gets a fresh page, a hydration and two runs.
    test.setTimeout(60_000 + ids.length * 30_000);

    // Every slider is tried even when one fails, so the report lists them all.
    const failures: string[] = [];
    for (const sliderId of ids) {
      await test.step(sliderId, async () => {
        // From the defaults each time: sliders piled up at their maxima would
        // test one corner of the space and could make runs needlessly long.
        await page.goto(RETRY_PAGE);
        const section = await hydrated(page, id);
        const slider = section.locator(`#${sliderId}`);
        await expect.soft(section.locator(`label[for="${sliderId}"]`), `visible label for #${sliderId}`).toBeVisible();
        const value0 = await slider.inputValue();
        const text0 = await slider.getAttribute('aria-valuetext');
        const atMax = value0 === (await slider.getAttribute('max'));
        const before = await settledPlot(section);

        await slider.focus();
        await page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
        const value1 = await slider.inputValue();
        if (value1 === value0) failures.push(`#${sliderId}: ${atMax ? 'ArrowLeft' : 'ArrowRight'} left the value at ${value0}`);
        // The far end is the move most sure to change the result; a one-step
        // change can legitimately fall inside the noise of a discrete run.
        await page.keyboard.press(atMax ? 'Home' : 'End');
        const value2 = await slider.inputValue();
        if (value2 === value0) failures.push(`#${sliderId}: ${atMax ? 'Home' : 'End'} left the value at ${value0}`);
        const text2 = await slider.getAttribute('aria-valuetext');
        if (!text2 || text2 === text0) failures.push(`#${sliderId}: aria-valuetext "${text0}" did not follow the value (now "${text2}")`);

        const r = await waitForPlotChange(section, before);
        if (!r.changed) failures.push(`#${sliderId}: ${value0} -> ${value2} did not change the plot (data-state=${r.state})`);
      });
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}
