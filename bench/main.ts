/**
 * `npm run bench [-- filter]`: runs every bench/*.bench.ts (sorted by name)
 * whose file name contains the filter; each file's default export runs its
 * own measurements and prints its own table.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts matches "${filter}"`);
  process.exit(2);
}

for (const file of files) {
  console.log(`\n=== ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default?: unknown };
  if (typeof module.default !== 'function') throw new Error(`${file} has no default export function`);
  await (module.default as () => Promise<void>)();
}
