// Which Chromium `npm test` drives, found or installed without the reader's help,
// saying what it does. Plain JavaScript: test-all.mjs runs it with node alone.
//   1. CHROME_PATH, when set (a file that is not there is an error, not a fallback);
//   2. Debian's /usr/bin/chromium (or chromium-browser);
//   3. Playwright's own, if `npx playwright install chromium` was run before;
//   4. as root with apt-get: install Debian's `chromium` package (about a minute);
//   5. else Playwright's download: `npx playwright install chromium`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * @typedef {object} BrowserHost What the search may look at and do; tests pass a fake one.
 * @property {string | undefined} chromePath CHROME_PATH
 * @property {(path: string) => boolean} exists
 * @property {() => string | undefined} playwrightChromium the executable of Playwright's own Chromium, if installed
 * @property {boolean} isRoot
 * @property {(name: string) => boolean} hasCommand
 * @property {(cmd: string, args: string[], env?: Record<string, string>) => boolean} run runs a command in the foreground; true when it succeeded
 * @property {(line: string) => void} say
 */

/**
 * @param {BrowserHost} host
 * @returns {{ ok: true, path: string } | { ok: false, message: string }}
 */
export function findOrInstallBrowser(host) {
  if (host.chromePath) {
    if (host.exists(host.chromePath)) {
      host.say(`Browser tests: Chromium from CHROME_PATH, ${host.chromePath}`);
      return { ok: true, path: host.chromePath };
    }
    return { ok: false, message: `CHROME_PATH is set to ${host.chromePath}, but there is no file there.` };
  }
  const installed = () => DEBIAN_CHROMIUM.find((p) => host.exists(p));
  const debian = installed();
  if (debian) {
    host.say(`Browser tests: Debian's Chromium, ${debian}`);
    return { ok: true, path: debian };
  }
  const own = host.playwrightChromium();
  if (own) {
    host.say(`Browser tests: Playwright's Chromium, ${own}`);
    return { ok: true, path: own };
  }
  if (host.isRoot && host.hasCommand('apt-get')) {
    host.say("No Chromium found: installing Debian's chromium package with apt-get (about a minute) ...");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (host.run('apt-get', ['update', '-qq'], env) && host.run('apt-get', ['install', '-y', '-qq', 'chromium'], env)) {
      const now = installed();
      if (now) {
        host.say(`Browser tests: Debian's Chromium, ${now} (just installed)`);
        return { ok: true, path: now };
      }
    }
    host.say("apt-get could not install chromium; trying Playwright's download instead.");
  }
  host.say("No Chromium found: downloading Playwright's with `npx playwright install chromium` ...");
  if (host.run('node_modules/.bin/playwright', ['install', 'chromium'])) {
    const downloaded = host.playwrightChromium();
    if (downloaded) {
      host.say(`Browser tests: Playwright's Chromium, ${downloaded} (just installed)`);
      return { ok: true, path: downloaded };
    }
  }
  return {
    ok: false,
    message: [
      'No Chromium for the browser tests, and none could be installed.',
      'Install one, then run `npm test` again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  elsewhere:      npx playwright install chromium',
      'or point CHROME_PATH at a Chrome or Chromium binary.',
    ].join('\n'),
  };
}

/** @returns {string | undefined} */
function playwrightChromium() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
  return r.status === 0 && r.stdout && existsSync(r.stdout) ? r.stdout : undefined;
}

/** @type {BrowserHost} */
export const thisMachine = {
  chromePath: process.env.CHROME_PATH,
  exists: existsSync,
  playwrightChromium,
  isRoot: process.getuid?.() === 0,
  hasCommand: (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0,
  run: (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0,
  say: (line) => console.log(line),
};
