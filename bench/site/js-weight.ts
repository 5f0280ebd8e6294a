import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size in bytes of a script the page requested, read from the build it was served from. */
export function gzipBytes(distDir: string, url: string): number {
  const file = join(distDir, decodeURIComponent(new URL(url).pathname));
  return gzipSync(readFileSync(file)).length;
}

/** Sum of the gzip sizes of the scripts, each counted once, in KB. */
export function gzipKb(distDir: string, urls: Iterable<string>): number {
  let bytes = 0;
  for (const u of new Set(urls)) bytes += gzipBytes(distDir, u);
  return bytes / 1024;
}
