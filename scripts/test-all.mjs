#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest.
//   1. typecheck (astro sync for the content types, then tsc)
//   2. unit and property tests (Vitest)
//   3. build the site (astro build)
//   4. browser tests (Playwright, in Chromium)
// It finds a Chromium, or installs one, by itself (find-browser.mjs), and ends with one line "N passed, N failed"
// counting every test of steps 2 and 4.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findOrInstallBrowser, thisMachine } from './find-browser.mjs';

const bin = (name) => join('node_modules', '.bin', name);
const reportDir = join('test-results', 'summary');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const env = { ...process.env };
let passed = 0;
let failed = 0;

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

function finish(ok) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

function countJson(file, kind) {
  if (!existsSync(file)) return false;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    passed += j.numPassedTests ?? 0;
    failed += (j.numFailedTests ?? 0) + (j.numTotalTestSuites && j.success === false && !j.numFailedTests ? 1 : 0);
  } else {
    passed += (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0);
    failed += j.stats?.unexpected ?? 0;
  }
  return true;
}

if (!step('typecheck', bin('astro'), ['sync']) || !step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) {
  failed += 1;
  finish(false);
}

const vitestJson = join(reportDir, 'vitest.json');
const unitOk = step('unit and property tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (!countJson(vitestJson, 'vitest') && !unitOk) failed += 1;
if (!unitOk) finish(false);

if (!step('build', bin('astro'), ['build'])) {
  failed += 1;
  finish(false);
}

// Found (or installed) only now, so a broken unit test fails before a minute of installing.
console.log('\n=== browser tests: finding a Chromium');
const browser = findOrInstallBrowser(thisMachine);
if (!browser.ok) {
  console.error(browser.message);
  failed += 1;
  finish(false);
}
const pwJson = join(reportDir, 'playwright.json');
const browserOk = step('browser tests', bin('playwright'), ['test', '--reporter=list,json'], { CHROME_PATH: browser.path, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
if (!countJson(pwJson, 'playwright') && !browserOk) failed += 1;
finish(unitOk && browserOk);
