import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Which Chromium the browser tests and the screenshot tool drive: CHROME_PATH
 * when set, else Debian's, else Playwright's own (undefined lets Playwright
 * find the one `npx playwright install` put in its cache). There is no
 * download fallback on purpose: the machines this runs on have no internet.
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/**
 * --no-sandbox because CI runs as root; the background-networking flags stop
 * Chromium from calling home to hosts this network refuses, which would show
 * up as stray failed requests and slow start-up.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: [...chromiumArgs], headless: true };
}
