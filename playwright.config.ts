import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/browser/helpers/chromium.ts';
import { siteDist, sitePort } from './tests/browser/helpers/site-under-test.ts';

// The browser tests run against the built site (dist/, or the copy named by
// BROWSER_TEST_DIST), served the way a reader gets it. Building is the test
// command's job (scripts/test-all.mjs), not this file's: a build here would
// run once per `playwright test`, even when a developer re-runs one spec.
const port = sitePort;

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // The machine has 2 cores shared with the preview server and other work.
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Generous: the machine's 2 cores are shared with builds and other test
  // runs, and a page's simulations run in the same browser.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/browser',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    // Through node_modules/.bin, not npx: stopping npx leaves the server running.
    command: `node_modules/.bin/astro preview --host 127.0.0.1 --port ${port} --outDir ${siteDist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
