import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { brokenLinks } from './helpers/link-check.ts';
import { siteDist } from './helpers/site-under-test.ts';
import { BEST_PRACTICES_PAGE, GLOSSARY_PAGE, INTRODUCTION_PAGE, sitePages } from './helpers/site-pages.ts';

// No browser page is opened here: the links are read from the built HTML.
// Headings keep the ids Starlight derives from their text (an explicit
// `{#id}` is not supported by Astro's MDX, and a raw <h2 id> would drop out of
// the page's table of contents), so renaming a heading that another page
// links to breaks a link: this test is what catches it. The glossary's terms
// have explicit ids.

test('no internal link or #anchor of the built site points nowhere', () => {
  expect(sitePages()).toEqual(expect.arrayContaining([INTRODUCTION_PAGE, BEST_PRACTICES_PAGE, GLOSSARY_PAGE]));
  const broken = brokenLinks(siteDist).map((b) => `${b.page}: ${b.href} (${b.reason})`);
  expect(broken, broken.join('\n')).toEqual([]);
});

test('the checker finds a missing page, a missing anchor and a bad relative link on a fake site, and passes good ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-links-'));
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `<!doctype html><html><body>${html}</body></html>`);
  };
  try {
    page(
      'index.html',
      [
        '<h2 id="top">Top</h2>',
        '<a href="/guide/">fine</a>',
        '<a href="/guide/#setup">fine, anchor exists</a>',
        '<a href="/guide/?w.rate=5&amp;w.seed=2#w-title">fine, query ignored</a>',
        '<a href="#top">fine, same page</a>',
        '<a href="https://example.org/nowhere/">other site: not followed</a>',
        '<a href="/style.css">fine, a file</a>',
        '<a href="/missing/">broken page</a>',
        '<a href="/guide/#nope">broken anchor</a>',
        '<a href="#gone">broken same-page anchor</a>',
      ].join(''),
    );
    page('guide/index.html', '<h2 id="setup">Setup</h2><div id="w-title"></div><a href="../">fine, relative</a><a href="../other/">broken relative</a>');
    writeFileSync(join(dir, 'style.css'), 'body{}');
    const found = brokenLinks(dir).map((b) => `${b.page} ${b.href}`);
    expect(found.sort()).toEqual(['/ #gone', '/ /guide/#nope', '/ /missing/', '/guide/ ../other/']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
