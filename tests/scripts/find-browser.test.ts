import { describe, expect, it } from 'vitest';
import { findOrInstallBrowser } from '../../scripts/find-browser.mjs';

/** A machine with these files, these commands, and installs that put these files in place. */
function machine(o: {
  files?: string[];
  chromePath?: string;
  playwright?: string;
  root?: boolean;
  apt?: boolean;
  aptWorks?: boolean;
  downloadWorks?: boolean;
}) {
  const files = new Set(o.files ?? []);
  let playwright = o.playwright;
  const ran: string[] = [];
  const said: string[] = [];
  const host = {
    chromePath: o.chromePath,
    exists: (p: string) => files.has(p),
    playwrightChromium: () => playwright,
    isRoot: o.root ?? false,
    hasCommand: (name: string) => name === 'apt-get' && (o.apt ?? false),
    run: (cmd: string, args: string[]) => {
      ran.push([cmd, ...args].join(' '));
      if (cmd === 'apt-get') {
        if (!o.aptWorks) return false;
        if (args.includes('install')) files.add('/usr/bin/chromium');
        return true;
      }
      if (!o.downloadWorks) return false;
      playwright = '/root/.cache/ms-playwright/chromium/chrome';
      files.add(playwright);
      return true;
    },
    say: (line: string) => said.push(line),
  };
  return { host, ran, said };
}

describe('npm test finds or installs a Chromium by itself (issue 8, item 16)', () => {
  it('CHROME_PATH first, and a CHROME_PATH that names no file is an error, not a fallback', () => {
    const m = machine({ chromePath: '/opt/chrome', files: ['/opt/chrome', '/usr/bin/chromium'] });
    expect(findOrInstallBrowser(m.host)).toEqual({ ok: true, path: '/opt/chrome' });
    const missing = machine({ chromePath: '/opt/nothing', files: ['/usr/bin/chromium'] });
    expect(findOrInstallBrowser(missing.host)).toEqual({ ok: false, message: expect.stringContaining('CHROME_PATH is set to /opt/nothing') });
    expect(missing.ran).toEqual([]);
  });

  it("then Debian's, then Playwright's own, installing nothing", () => {
    const debian = machine({ files: ['/usr/bin/chromium'], playwright: '/pw/chrome', root: true, apt: true, aptWorks: true });
    expect(findOrInstallBrowser(debian.host)).toEqual({ ok: true, path: '/usr/bin/chromium' });
    const own = machine({ playwright: '/pw/chrome', root: true, apt: true, aptWorks: true });
    expect(findOrInstallBrowser(own.host)).toEqual({ ok: true, path: '/pw/chrome' });
    expect([...debian.ran, ...own.ran]).toEqual([]);
    expect(own.said).toEqual(["Browser tests: Playwright's Chromium, /pw/chrome"]);
  });

  it("as root with apt-get: installs Debian's chromium package, saying so", () => {
    const m = machine({ root: true, apt: true, aptWorks: true });
    expect(findOrInstallBrowser(m.host)).toEqual({ ok: true, path: '/usr/bin/chromium' });
    expect(m.ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(m.said[0]).toMatch(/installing Debian's chromium package with apt-get/);
  });

  it("not root, or apt-get failing: downloads Playwright's Chromium, saying so", () => {
    const user = machine({ apt: true, downloadWorks: true });
    expect(findOrInstallBrowser(user.host)).toEqual({ ok: true, path: '/root/.cache/ms-playwright/chromium/chrome' });
    expect(user.ran).toEqual(['node_modules/.bin/playwright install chromium']);
    expect(user.said[0]).toMatch(/npx playwright install chromium/);
    const aptFails = machine({ root: true, apt: true, aptWorks: false, downloadWorks: true });
    expect(findOrInstallBrowser(aptFails.host).ok).toBe(true);
    expect(aptFails.ran).toEqual(['apt-get update -qq', 'node_modules/.bin/playwright install chromium']);
  });

  it('nothing works: a message that says how to install one', () => {
    const m = machine({});
    const r = findOrInstallBrowser(m.host);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/sudo apt-get install -y chromium[\s\S]*npx playwright install chromium[\s\S]*CHROME_PATH/);
  });
});
