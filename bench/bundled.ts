/**
 * Imports modules as the site ships them to a reader's browser: bundled by
 * Vite (Rollup, then esbuild's minifier) into one ES module. Under tsx each
 * file is its own CommonJS module, imports are read through getters, and
 * every function expression is wrapped in a `__name` call (esbuild's
 * keepNames) that defines its `name` property each time the expression is
 * evaluated: a closure made per request costs a property definition there
 * and almost nothing in the site's build. The cascading-failure run took
 * 7.4 ms under tsx and 3.3 ms bundled; the widgets' runs are the bundle's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rollup } from 'vite';

/** One ES module exporting each of `modules` (absolute paths) as a namespace: `{ name: namespace }`. */
export async function importBundled(root: string, modules: Record<string, string>): Promise<Record<string, Record<string, unknown>>> {
  const dir = await mkdtemp(join(tmpdir(), 'rl-bench-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(
      entry,
      Object.entries(modules)
        .map(([name, path]) => `export * as ${name} from ${JSON.stringify(path)};`)
        .join('\n'),
    );
    const output = (await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: {
        write: false,
        minify: 'esbuild',
        target: 'esnext',
        lib: { entry, formats: ['es'], fileName: 'bench' },
        rollupOptions: { output: { inlineDynamicImports: true } },
      },
    })) as Rollup.RollupOutput[];
    const chunk = output[0].output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('vite built no chunk for the bench');
    const file = join(dir, 'bench.mjs');
    await writeFile(file, chunk.code);
    return (await import(pathToFileURL(file).href)) as Record<string, Record<string, unknown>>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
