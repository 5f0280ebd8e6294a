/**
 * Full-page screenshots of every page of the built site, in light mode, dark
 * mode and at 390 px wide (a phone), into screenshots/ (gitignored).
 *
 *   node_modules/.bin/astro build          # this script builds nothing
 *   npx tsx scripts/screenshots.ts [--port 4323] [--out DIR] [--dist DIR]
 *
 * It serves dist/ with `astro preview` on its own port (not the browser
 * tests' 4322 nor `npm start`'s 4321, so it can run beside them) and stops
 * that server when done, whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/browser/helpers/chromium.ts';
import { scrollThroughPage } from '../tests/browser/helpers/scroll.ts';
import { pageSlug, sitePages } from '../tests/browser/helpers/site-pages.ts';
import { siteDist } from '../tests/browser/helpers/site-under-test.ts';
import { intParam } from '../src/params/params.ts';
import type { StringFlag } from '../src/params/flags.ts';
import { isProgram, runAsProgram, type Command } from '../examples/shared/command.ts';

interface Variant {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly colorScheme: 'light' | 'dark';
}

const VARIANTS: readonly Variant[] = [
  { name: 'light', width: 1280, height: 800, colorScheme: 'light' },
  { name: 'dark', width: 1280, height: 800, colorScheme: 'dark' },
  { name: '390', width: 390, height: 844, colorScheme: 'light' },
];

const directory = (description: string): StringFlag => ({
  placeholder: 'DIR',
  description,
  check: (value) => (value.trim() === '' ? 'needs a directory name' : undefined),
});

const params = {
  port: intParam({ label: 'Port of its own astro preview', min: 1024, max: 65_535, default: 4323 }),
};

export const screenshotsCommand: Command<typeof params> = {
  name: 'screenshots',
  invocation: 'npx tsx scripts/screenshots.ts',
  about: 'Full-page screenshots of every page of the built site (light, dark, 390 px wide). Builds nothing: run astro build first.',
  flags: {
    params,
    strings: { out: directory('where the pictures go (default screenshots)'), dist: directory(`the built site (default ${siteDist})`) },
  },
};

function startPreview(port: number, distDir: string): ChildProcess {
  // The .bin entry is node itself (a shebang script), so killing this child
  // stops the server; through npx the server would outlive it.
  return spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', distDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * The address the server printed. `astro preview` quietly moves to the next
 * port when the one asked for is taken, so the port asked for may belong to
 * someone else's server, serving another build.
 */
function servedAt(server: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`astro preview printed no address within ${timeoutMs / 1000} s`)), timeoutMs);
    server.once('exit', (code) => reject(new Error(`astro preview exited with code ${code}`)));
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Colour codes aside, the line reads "Local  http://127.0.0.1:4323/".
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
  });
}

async function shoot(browser: Browser, base: string, path: string, v: Variant, outDir: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: v.width, height: v.height }, colorScheme: v.colorScheme });
  try {
    const page = await context.newPage();
    // Every step is bounded: on a loaded machine a full-page capture of a
    // very tall page has been seen to hang, and one page must not stall the rest.
    page.setDefaultTimeout(120_000);
    await page.goto(base + path);
    // Hydrate every island and let its run finish, so the picture shows what
    // a reader who scrolled down sees, not the build-time placeholder.
    await scrollThroughPage(page);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('astro-island[ssr]').length === 0 &&
        [...document.querySelectorAll('section[data-widget]')].every((w) => ['done', 'error'].includes(w.getAttribute('data-state') ?? '')),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    const failed = await page.locator('section[data-widget][data-state="error"]').evaluateAll((ws) => ws.map((w) => w.getAttribute('data-widget')));
    if (failed.length > 0) console.warn(`${path} (${v.name}): widgets in error state: ${failed.join(', ')}`);
    const file = join(outDir, `${pageSlug(path)}-${v.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } finally {
    await context.close();
  }
}

async function main(port: number, outDir: string, distDir: string): Promise<number> {
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`${distDir}/ holds no build: run \`node_modules/.bin/astro build\` first (this script builds nothing).`);
    return 1;
  }
  const pages = sitePages(distDir);
  mkdirSync(outDir, { recursive: true });
  const server = startPreview(port, distDir);
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(1);
    });
  }
  let browser: Browser | undefined;
  try {
    const base = await servedAt(server, 30_000);
    if (!base.endsWith(`:${port}`)) console.warn(`port ${port} is taken; astro preview serves on ${base}`);
    browser = await chromium.launch(chromiumLaunchOptions());
    const failed: string[] = [];
    for (const path of pages) {
      for (const v of VARIANTS) {
        try {
          console.log(await shoot(browser, base, path, v, outDir));
        } catch (err: unknown) {
          failed.push(`${path} (${v.name}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        }
      }
    }
    if (failed.length > 0) {
      console.error(`No screenshot for:\n  ${failed.join('\n  ')}`);
      return 1;
    }
    return 0;
  } finally {
    await browser?.close();
    stop();
  }
}

if (isProgram(import.meta.url)) {
  await runAsProgram(screenshotsCommand, (flags) => main(flags.values.port, flags.strings.out?.[0] ?? 'screenshots', flags.strings.dist?.[0] ?? siteDist));
}
