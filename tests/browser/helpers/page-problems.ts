import { expect, type Page } from '@playwright/test';

/**
 * Everything that went wrong while a page was open: console errors, uncaught
 * exceptions, requests that never completed and responses with an error
 * status. Attach it before `goto` so nothing from the first paint is missed.
 */
export interface PageProblems {
  readonly seen: readonly string[];
  /** Fails the test with the full list, so the report says what went wrong, not only how many. */
  expectNone(): void;
}

export function watchPageProblems(page: Page): PageProblems {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const at = msg.location();
      seen.push(`console.error: ${msg.text()}${at.url ? ` (at ${at.url}:${at.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.name}: ${err.message}`));
  page.on('requestfailed', (req) => {
    seen.push(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'unknown reason'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) seen.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return {
    seen,
    expectNone() {
      expect(seen, `problems seen on ${page.url()}:\n${seen.join('\n')}`).toEqual([]);
    },
  };
}
