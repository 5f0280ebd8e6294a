import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The site's internal links, checked on the built HTML: every `<a href>` that
 * stays on the site must name a file the build wrote, and every `#fragment`
 * must be an id on the page it points to. Read from the files rather than
 * through a browser, so one run covers every page in a second or two.
 */
export interface BrokenLink {
  /** The page the link is on, as a path ("/retry-strategies/"). */
  readonly page: string;
  readonly href: string;
  readonly reason: string;
}

/** Every `.html` file under `dir`, as paths relative to it with forward slashes. */
function htmlFiles(dir: string, under = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(under)) {
    const full = join(under, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(dir, full));
    else if (name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
  }
  return out.sort();
}

/** "index.html" -> "/", "retry-strategies/index.html" -> "/retry-strategies/", "404.html" -> "/404.html". */
function pagePath(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The ids a fragment can point at on a page: `id` on any element, `name` on `<a>`. */
export function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) {
    const id = attribute(m[0], 'id');
    if (id !== undefined) ids.add(id);
    if (/^<a\s/i.test(m[0])) {
      const name = attribute(m[0], 'name');
      if (name !== undefined) ids.add(name);
    }
  }
  return ids;
}

/** The `href` of every `<a>` on a page, in order. */
export function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*>/gi)) {
    const href = attribute(m[0], 'href');
    if (href !== undefined) out.push(href);
  }
  return out;
}

/** The file the build wrote for a site path, or undefined if there is none. */
function fileFor(distDir: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const rel = path.replace(/^\/+/, '');
  const candidates = path.endsWith('/') ? [join(rel, 'index.html')] : [rel, `${rel}.html`, join(rel, 'index.html')];
  for (const c of candidates) {
    const full = join(distDir, c);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return undefined;
}

/**
 * Every broken internal link of the site built into `distDir`. A link is
 * internal when it resolves to the site's own origin; links to other hosts,
 * `mailto:` and `javascript:` are not followed. The query is ignored (a
 * widget's state), the fragment is not: it must be an id on the target page.
 */
export function brokenLinks(distDir: string): BrokenLink[] {
  const origin = 'http://site.invalid';
  const pages = htmlFiles(distDir);
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string): Set<string> => {
    let a = anchorCache.get(file);
    if (!a) {
      a = anchorsOf(readFileSync(file, 'utf8'));
      anchorCache.set(file, a);
    }
    return a;
  };
  const broken: BrokenLink[] = [];
  for (const file of pages) {
    const page = pagePath(file);
    for (const href of linksOf(readFileSync(join(distDir, file), 'utf8'))) {
      if (href.trim() === '') {
        broken.push({ page, href, reason: 'empty href' });
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, origin + page);
      } catch {
        broken.push({ page, href, reason: 'not a valid URL' });
        continue;
      }
      if (url.origin !== origin) continue;
      const target = fileFor(distDir, url.pathname);
      if (!target) {
        broken.push({ page, href, reason: `no page or file at ${url.pathname}` });
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment === '' || !target.endsWith('.html')) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      if (!anchorsIn(target).has(id)) broken.push({ page, href, reason: `no id "${id}" on ${url.pathname}` });
    }
  }
  return broken;
}
