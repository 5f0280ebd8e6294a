import { expect, test } from '@playwright/test';
import { animationFrames } from '../helpers/frames.ts';
import { hydrated, queryOf } from '../helpers/widget.ts';
import { CB_PAGE, highlightedEdge, highlightedState } from './cb-page.ts';

// Nothing plays by itself: each test sets the replay time it looks at.
test.use({ reducedMotion: 'reduce' });

// The default run (seed 1): the outage lasts from 20 s to 35 s; the breaker
// trips within a second of its start (checked below from the page's own
// table) and is closed again within a second of its end.
const INSIDE_OUTAGE = '22';
const AFTER_RECOVERY = '50';

test('a link with breaker.t inside the outage highlights open and the trip; one after recovery highlights closed', async ({ page }) => {
  await page.goto(`${CB_PAGE}?breaker.t=${INSIDE_OUTAGE}`);
  let breaker = await hydrated(page, 'breaker');
  const detection = await breaker.locator('[data-testid="comparison"] tr[data-row="detection"] td').first().innerText();
  expect(detection, 'the breaker detects the outage within a second').toMatch(/^\d{1,3} ms$/);
  await expect.poll(() => highlightedState(breaker)).toBe('open');
  expect(await highlightedEdge(breaker)).toBe('closed->open:trip');
  await expect(breaker.locator('#breaker-t')).toHaveAttribute('aria-valuetext', `${INSIDE_OUTAGE}.0 s, breaker open`);
  await expect(breaker.getByTestId('chart-summary').first()).toContainText(`At ${INSIDE_OUTAGE}.0 s, the breaker is open`);

  await page.goto(`${CB_PAGE}?breaker.t=${AFTER_RECOVERY}`);
  breaker = await hydrated(page, 'breaker');
  await expect.poll(() => highlightedState(breaker)).toBe('closed');
  expect(await highlightedEdge(breaker)).toBe('half-open->closed:probe-succeeded');
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
});

test('moving the scrubber moves the highlight, and the replay time goes into the URL', async ({ page }) => {
  await page.goto(CB_PAGE);
  const breaker = await hydrated(page, 'breaker');
  const scrubber = breaker.locator('#breaker-t');
  await expect(breaker.locator('label[for="breaker-t"]')).toBeVisible();
  expect(await highlightedState(breaker)).toBe('closed');
  expect(await highlightedEdge(breaker)).toBeNull();

  await scrubber.fill(INSIDE_OUTAGE);
  await expect.poll(() => highlightedState(breaker)).toBe('open');
  await expect.poll(() => queryOf(page)['breaker.t']).toBe(INSIDE_OUTAGE);

  // The keyboard works too: End goes to the end of the run, after recovery.
  await scrubber.focus();
  await page.keyboard.press('End');
  await expect.poll(() => highlightedState(breaker)).toBe('closed');
  await expect(scrubber).toHaveAttribute('aria-valuetext', /^60\.0 s, breaker closed$/);
});

test('Next and Previous transition step through the breaker’s transitions in order', async ({ page }) => {
  await page.goto(CB_PAGE);
  const breaker = await hydrated(page, 'breaker');
  const next = breaker.getByRole('button', { name: 'Next transition' });
  const previous = breaker.getByRole('button', { name: 'Previous transition' });
  await expect(previous).toBeDisabled();

  const seen: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    await next.click();
    await expect.poll(() => highlightedEdge(breaker)).not.toBe(seen[seen.length - 1] ?? null);
    seen.push(await highlightedEdge(breaker));
  }
  expect(seen).toEqual(['closed->open:trip', 'open->half-open:open-timeout-elapsed', 'half-open->open:probe-failed']);
  expect(await highlightedState(breaker)).toBe('open');

  await previous.click();
  await expect.poll(() => highlightedState(breaker)).toBe('half-open');
  expect(await highlightedEdge(breaker)).toBe('open->half-open:open-timeout-elapsed');
});

test('Play moves the replay forward and Pause stops it', async ({ page }) => {
  await page.goto(CB_PAGE);
  const breaker = await hydrated(page, 'breaker');
  const scrubber = breaker.locator('#breaker-t');
  expect(Number(await scrubber.inputValue())).toBe(0);
  await breaker.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await scrubber.inputValue()), { message: 'the replay time advances' }).toBeGreaterThan(1);
  await breaker.getByRole('button', { name: 'Pause' }).click();
  const paused = await scrubber.inputValue();
  // Playback steps every 50 ms of frames: thirty frames (half a second at 60 Hz) hold several steps.
  await animationFrames(page, 30);
  expect(await scrubber.inputValue()).toBe(paused);
});
