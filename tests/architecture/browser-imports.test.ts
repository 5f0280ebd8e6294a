import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveRelative, sourceFiles } from './import-layers.ts';

/**
 * What a page loads with its widgets, and the worker with its script: the
 * modules reached from them by static imports that carry values (`import
 * type` carries none; a dynamic `import()` loads later, when needed). None of
 * them may be run code: a scenario's module (the simulator and the cores it
 * drives: a page loads it only when it runs it), the full registry, the
 * Node-only runner, or XState (the breaker's machine; the page draws its
 * diagram from JSON).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const forbidden: readonly [RegExp, string][] = [
  [/^simulations\/scenarios\/[^/]+\.ts$/, "a scenario's run module (plans import its spec, simulations/scenarios/specs/)"],
  [/^simulations\/engine\//, 'the simulator'],
  [/^src\/components\/frame\/runner\/run-in-node\.ts$/, 'the Node-only runner'],
  [/^src\/resilience\/circuit-breaker\/breaker-machine\.ts$/, "the breaker's XState machine"],
];

/** A static import or re-export that brings values: where from, and which names (`*`: all of them). */
export interface ValueImport {
  readonly from: string;
  readonly names: readonly string[] | '*';
}

function namesOf(clause: string): readonly string[] | '*' {
  if (/^\*/.test(clause) || /,\s*\*/.test(clause)) return '*';
  const names: string[] = [];
  const braces = clause.match(/\{([^}]*)\}/);
  for (const part of braces ? braces[1].split(',') : []) {
    const m = part.trim().match(/^(type\s+)?([\w$]+)/);
    if (m && !m[1]) names.push(m[2]);
  }
  if (/^[\w$]+/.test(clause.trim())) names.push('default');
  return names;
}

/** The relative static imports and re-exports in `source` that bring values (a `type` import or name brings none). */
export function valueImports(source: string): ValueImport[] {
  const found: ValueImport[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm)) {
    const names = namesOf(m[2]);
    if (!m[1] && (names === '*' || names.length > 0)) found.push({ from: m[3], names });
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ from: m[1], names: '*' });
  return found.filter((i) => i.from.startsWith('.'));
}

/** A module that only re-exports (an index): an import from it reaches only the modules of the names imported. */
function reExportsOnly(source: string): boolean {
  return (
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/^\s*export\s+(type\s+)?(\*|\{[^}]*\})\s*from\s+['"][^'"]+['"];?/gm, '')
      .trim() === ''
  );
}

/** `export { a as b } from './x.ts'`: the names a module re-exports, by the module they come from. */
function reExports(source: string): { from: string; pairs: [string, string][] | '*' }[] {
  const out: { from: string; pairs: [string, string][] | '*' }[] = [];
  for (const m of source.matchAll(/^\s*export\s+(type\s+)?(\*|\{([^}]*)\})\s*from\s+['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    if (m[2] === '*') {
      out.push({ from: m[4], pairs: '*' });
      continue;
    }
    const pairs: [string, string][] = [];
    for (const part of m[3].split(',')) {
      const p = part.trim().match(/^(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?$/);
      if (p && !p[1]) pairs.push([p[2], p[3] ?? p[2]]);
    }
    out.push({ from: m[4], pairs });
  }
  return out;
}

/**
 * Every module reached from `entries` by static value imports, with the path
 * that first reached it. Through an index, only the modules that define the
 * names imported are reached, as the bundler (which drops unused exports of
 * these side-effect-free layers, astro.config.mjs) includes them.
 */
function reached(entries: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const visit = (file: string, names: readonly string[] | '*', via: readonly string[]): void => {
    const path_ = [...via, file];
    if (!seen.has(file)) seen.set(file, path_);
    if (!/\.(ts|tsx)$/.test(file)) return;
    const source = read(file);
    if (names !== '*' && reExportsOnly(source)) {
      for (const r of reExports(source)) {
        const wanted = r.pairs === '*' ? names : r.pairs.filter(([, as]) => names.includes(as)).map(([name]) => name);
        if (wanted.length > 0) visit(resolveRelative(file, r.from), wanted, path_);
      }
      return;
    }
    if (visited.has(file)) return;
    visited.add(file);
    for (const i of valueImports(source)) visit(resolveRelative(file, i.from), i.names, path_);
  };
  const visited = new Set<string>();
  for (const e of entries) visit(e, '*', []);
  return seen;
}

describe('what the browser loads up front', () => {
  const files = sourceFiles(root);
  const widgets = files.filter((f) => /^src\/components\/[^/]+\/[A-Z]\w*Widget\.tsx$/.test(f) && !f.startsWith('src/components/frame/'));
  const worker = 'src/components/frame/runner/simulation.worker.ts';

  it('the widgets and the worker reach no run code by static imports', () => {
    expect(widgets.length).toBeGreaterThanOrEqual(15);
    const modules = reached([...widgets, worker]);
    // The walk must see the specs and the lazy loader, or an empty result would pass for the wrong reason.
    expect(modules.has('simulations/scenarios/specs/retry-storm.ts')).toBe(true);
    expect(modules.has('src/components/frame/runner/scenario-code.ts')).toBe(true);
    expect(modules.has('src/params/params.ts')).toBe(true);
    const found = [...modules].flatMap(([file, via]) => forbidden.filter(([re]) => re.test(file)).map(([, what]) => `${file} (${what}), via ${via.join(' -> ')}`));
    expect(found).toEqual([]);
  });

  it('the walk finds run code where it is imported, and through an index only what is imported', () => {
    expect(reached(['simulations/scenarios/retry-storm.ts']).has('simulations/engine/simulation.ts')).toBe(true);
    expect(reached(['src/resilience/circuit-breaker/breaker-diagram.ts']).has('src/resilience/circuit-breaker/breaker-machine.ts')).toBe(true);
    // The spec takes jitterStrategies through src/resilience/index.ts, which also re-exports the breaker.
    const spec = reached(['simulations/scenarios/specs/retry-storm.ts']);
    expect(spec.has('src/resilience/backoff/brooker-backoff.ts')).toBe(true);
    expect(spec.has('src/resilience/circuit-breaker/breaker-machine.ts')).toBe(false);
  });

  it('the walk follows value imports only', () => {
    expect(valueImports("import type { A } from './a.ts';\nimport { b, type C } from './b.ts';\nexport { d } from './d.ts';\nexport type { E } from './e.ts';\nimport './f.css';\nconst g = () => import('./g.ts');\nimport x from 'react';\nimport { type H } from './h.ts';\nimport * as i from './i.ts';")).toEqual([
      { from: './b.ts', names: ['b'] },
      { from: './d.ts', names: ['d'] },
      { from: './i.ts', names: '*' },
      { from: './f.css', names: '*' },
    ]);
  });
});
