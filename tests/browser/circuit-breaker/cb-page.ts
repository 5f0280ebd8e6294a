import type { Locator } from '@playwright/test';

/** The circuit-breaker guide and its widgets, by id (also their URL prefix), per the DOM contract. */
export const CB_PAGE = '/circuit-breaker/';
export const CB_WIDGETS = ['breaker', 'cascade'] as const;

/** The state the breaker's diagram highlights as current, or null. */
export async function highlightedState(breaker: Locator): Promise<string | null> {
  const current = breaker.locator('svg[data-chart="diagram"] [data-node][data-current="true"]');
  return (await current.count()) === 1 ? current.getAttribute('data-node') : null;
}

/** The transition the diagram highlights as just taken (`from->to:event`), or null. */
export async function highlightedEdge(breaker: Locator): Promise<string | null> {
  const last = breaker.locator('svg[data-chart="diagram"] [data-edge][data-last="true"]');
  return (await last.count()) === 1 ? last.getAttribute('data-edge') : null;
}
