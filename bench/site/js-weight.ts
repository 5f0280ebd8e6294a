import { readdirSync, readFileSync } from 'node:fs';
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

/** The build's Web Worker scripts (Vite names them after their source, `*.worker-<hash>.js`), with their gzip KB. */
export function workerScripts(distDir: string): { name: string; kb: number }[] {
  const dir = join(distDir, '_astro');
  return readdirSync(dir)
    .filter((f) => /\.worker-[\w-]+\.js$/.test(f))
    .map((f) => ({ name: f, kb: gzipSync(readFileSync(join(dir, f))).length / 1024 }));
}
