import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDist } from './site-under-test.ts';

/**
 * Every page of the built site, as paths ("/", "/retry-strategies/"), read
 * from the sitemap Astro writes into dist/. Reading the build rather than a
 * hand-kept list means a new guide page is covered by the page-level tests
 * (load, axe, screenshots) the moment it is written.
 */
export function sitePages(distDir = siteDist): string[] {
  const index = join(distDir, 'sitemap-index.xml');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`node_modules/.bin/astro build\` before the browser tests.`);
  }
  const sitemaps = locs(readFileSync(index, 'utf8')).map((u) => join(distDir, new URL(u).pathname));
  const pages = sitemaps.flatMap((file) => locs(readFileSync(file, 'utf8')).map((u) => new URL(u).pathname));
  return [...new Set(pages)].sort();
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
}

/** "/" -> "index", "/retry-strategies/" -> "retry-strategies": for file and test names. */
export function pageSlug(path: string): string {
  const s = path.replace(/^\/+|\/+$/g, '').replace(/\//g, '--');
  return s === '' ? 'index' : s;
}

export const RETRY_PAGE = '/retry-strategies/';
export const INTRO_PAGE = '/';
export const CHAOS_PAGE = '/chaos-engineering/';
export const FAILOVER_PAGE = '/failover-strategies/';
export const INTRODUCTION_PAGE = '/introduction/';
export const BEST_PRACTICES_PAGE = '/best-practices/';
export const GLOSSARY_PAGE = '/glossary/';
export const URL_REFERENCE_PAGE = '/url-reference/';
