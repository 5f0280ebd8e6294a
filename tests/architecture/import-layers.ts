import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers of the repository and which may import which (ARCHITECTURE.md,
 * "Layers, and which way imports go"). Imports point down only:
 * guides -> widgets -> simulator -> mechanisms, with the parameter schema a
 * leaf below the simulator and the widgets. The programs (examples, scripts,
 * benchmarks, tests) sit on top and may import any layer and one another;
 * nothing in the layers imports them. Tool configuration at the root may
 * import anything and is imported by nothing.
 */
export type Layer = 'config' | 'programs' | 'guides' | 'components' | 'simulations' | 'resilience' | 'params' | 'assets';

const mayImport: Readonly<Record<Layer, readonly Layer[]>> = {
  config: ['programs', 'guides', 'components', 'simulations', 'resilience', 'params', 'assets'],
  programs: ['guides', 'components', 'simulations', 'resilience', 'params', 'assets'],
  guides: ['components', 'simulations', 'resilience', 'params', 'assets'],
  components: ['simulations', 'resilience', 'params', 'assets'],
  simulations: ['resilience', 'params'],
  resilience: [],
  params: [],
  assets: [],
};

/** Folders that hold no source of ours. */
const skipped = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', 'public']);

/** The layer of a path relative to the repository root, or undefined for a path no layer claims. */
export function layerOf(file: string): Layer | undefined {
  const parts = file.split('/');
  if (parts.length === 1) return 'config';
  const [top, second] = parts;
  if (top === 'content') return 'guides';
  if (top === 'simulations') return 'simulations';
  if (top === 'examples' || top === 'scripts' || top === 'bench' || top === 'tests') return 'programs';
  if (top === 'src') {
    if (second === 'components') return 'components';
    if (second === 'resilience') return 'resilience';
    if (second === 'params') return 'params';
    if (second === 'styles') return 'assets';
    // Astro's content collections config: part of the site, like the guides.
    if (second === 'content.config.ts') return 'guides';
  }
  return undefined;
}

/**
 * Why `from` (a file, relative to the root) may not import `to` (the
 * resolved target, relative to the root), or undefined when it may.
 */
export function violation(from: string, to: string): string | undefined {
  if (to.startsWith('..')) return `${from} imports ${to}, outside the repository`;
  // A package reached by a path (a test spawning node_modules/.bin/tsx) is no layer's business, as a package import is not.
  if (to === 'node_modules' || to.startsWith('node_modules/')) return undefined;
  const source = layerOf(from);
  const target = layerOf(to);
  if (source === undefined) return `${from} is in no layer: add its folder to layerOf in tests/architecture/import-layers.ts`;
  if (target === undefined) return `${from} imports ${to}, which is in no layer`;
  if (source === target || mayImport[source].includes(target)) return undefined;
  return `${from} (${source}) imports ${to} (${target}): ${source} may import only ${mayImport[source].join(', ') || 'nothing of the project'}`;
}

const importForms = [
  // import x from '…', import { a,\n b } from '…', import type …, export { … } from '…', export * from '…'
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
  // import '…' (for its effects)
  /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
  // import('…')
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  // new URL('….ts', import.meta.url): how a worker module is referenced (not a folder or a binary found that way)
  /\bnew\s+URL\s*\(\s*['"]([^'"]+\.(?:[mc]?[jt]sx?))['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/**
 * The module specifiers a source file imports. In MDX, fenced code blocks are
 * samples shown to the reader, not imports of the page, and are left out;
 * comment lines are left out everywhere.
 */
export function importSpecifiers(source: string, file: string): string[] {
  let text = file.endsWith('.mdx') ? source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '') : source;
  text = text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  const specs: string[] = [];
  for (const form of importForms) for (const m of text.matchAll(form)) specs.push(m[1]);
  return specs;
}

/** Where a relative specifier in `from` points, relative to the root, without a query (`?raw`, `?url`). */
export function resolveRelative(from: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier.replace(/[?#].*$/, '')));
}

const sourceFile = /\.(ts|tsx|mts|mjs|mdx|astro)$/;

/**
 * Every source file of the repository at `root`, relative to it, with `/`
 * separators: the files git tracks or would track (ignored scratch files
 * are not the repository's), or, outside a git work tree, every file below.
 */
export function sourceFiles(root: string): string[] {
  let listed: string;
  try {
    listed = execFileSync('git', ['-C', root, 'ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return walk(root);
  }
  // A file deleted in the work tree but not yet in the index is listed and gone.
  const present = new Set(walk(root));
  return listed.split('\n').filter((f) => sourceFile.test(f) && present.has(f));
}

function walk(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) out.push(...walk(root, rel));
    } else if (sourceFile.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

/** One relative import of the tree: the file, its specifier, and where that points. */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  readonly to: string;
}

/** Every relative import of every source file below `root` (package imports are not the layers' business). */
export function relativeImports(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of sourceFiles(root)) {
    const text = readFileSync(path.join(root, from), 'utf8');
    for (const specifier of importSpecifiers(text, from)) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) edges.push({ from, specifier, to: resolveRelative(from, specifier) });
    }
  }
  return edges;
}
