#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest.
//   1. typecheck (astro sync for the content types, then tsc)
//   2. unit and property tests (Vitest)
//   3. build the site (astro build)
//   4. browser tests (Playwright, in Chromium)
// It finds a browser by itself and ends with one line "N passed, N failed"
// counting every test of steps 2 and 4.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const reportDir = join('test-results', 'summary');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there.`);
    process.exit(1);
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  // Playwright's own browser, if a developer installed it (`npx playwright install chromium`).
  try {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout && existsSync(r.stdout)) return r.stdout;
  } catch {
    /* fall through to the message */
  }
  return undefined;
}

const browser = findBrowser();
if (!browser) {
  console.error(
    [
      'No Chromium found for the browser tests.',
      'Install one, then run `npm test` again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  elsewhere:      npx playwright install chromium',
      'or point CHROME_PATH at a Chrome or Chromium binary.',
    ].join('\n'),
  );
  process.exit(1);
}

const env = { ...process.env, CHROME_PATH: browser };
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

const pwJson = join(reportDir, 'playwright.json');
const browserOk = step('browser tests', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
if (!countJson(pwJson, 'playwright') && !browserOk) failed += 1;
finish(unitOk && browserOk);
