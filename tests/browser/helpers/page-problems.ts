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
  // A request the previous document had in flight (a script it was still
  // loading, say) is aborted when the page navigates to the one under test:
  // not a problem of either page. Requests are numbered as they start.
  let started = 0;
  let lastNavigation = -1;
  const order = new WeakMap<object, number>();
  page.on('request', (req) => {
    order.set(req, started++);
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) lastNavigation = order.get(req)!;
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'unknown reason';
    if (reason === 'net::ERR_ABORTED' && (order.get(req) ?? -1) < lastNavigation) return;
    seen.push(`request failed: ${req.method()} ${req.url()} (${reason})`);
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
