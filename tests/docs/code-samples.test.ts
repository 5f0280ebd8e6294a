import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every ```ts fence in the guides is compiled against the library as it is
 * today, so a sample cannot drift from the API it teaches. Samples import the
 * library the way a reader at the repository root would
 * (`./src/resilience/index.ts`), so each one is compiled as a virtual module
 * at the root. Each fence is its own module: a sample that needs a name from
 * another must declare or import it itself.
 */
const root = resolve(import.meta.dirname, '../..');
const docsDir = join(root, 'content/docs');

export interface Sample {
  readonly page: string;
  /** 1-based line of the opening fence in the page. */
  readonly line: number;
  readonly code: string;
}

export function extractTsSamples(page: string, text: string): Sample[] {
  const out: Sample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript|tsx)\b/.exec(lines[i]);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(open[1].length));
    if (j === lines.length) throw new Error(`${page}:${i + 1}: unclosed code fence`);
    out.push({ page, line: i + 1, code: body.join('\n') });
    i = j;
  }
  return out;
}

function compilerOptions(): ts.CompilerOptions {
  const file = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, skipLibCheck: true, noUnusedLocals: false, noUnusedParameters: false };
}

/** Type errors of the samples, as "page:line: message" with the line in the page. */
function typeErrors(samples: readonly Sample[]): string[] {
  const virtual = new Map<string, Sample>();
  samples.forEach((s, k) => virtual.set(join(root, `__doc_sample_${k}.ts`), s));
  const contextFile = join(root, '__doc_sample_context.d.ts');
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  // `export {}` keeps every fence a module of its own, as if it were a file.
  const text = (f: string): string | undefined => {
    if (f === contextFile) return SAMPLE_CONTEXT;
    const s = virtual.get(f);
    return s ? `${s.code}\nexport {};\n` : undefined;
  };
  host.readFile = (f) => text(f) ?? readFile(f);
  host.fileExists = (f) => text(f) !== undefined || fileExists(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const t = text(f);
    return t !== undefined ? ts.createSourceFile(f, t, lang) : getSourceFile(f, lang, ...rest);
  };
  const program = ts.createProgram([contextFile, ...virtual.keys()], options, host);
  const errors: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const s = d.file ? virtual.get(d.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!s || !d.file || d.start === undefined) {
      errors.push(`${d.file?.fileName ?? 'program'}: ${message}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    errors.push(`content/docs/${s.page}:${s.line + 1 + line}: ${message}`);
  }
  return errors;
}

/**
 * The names a sample uses without defining: the reader's own application
 * (`url`, `log`, `render`...), and helpers that one guide defines and later
 * samples reuse "from the retry guide" (`HttpError`, `getJson`, `isTransient`).
 * Declared here with the signatures the guides give them, and only for the
 * samples' program: the project itself never sees these globals.
 */
const SAMPLE_CONTEXT = `
declare const url: string;
declare const callerSignal: AbortSignal;
declare const inventoryUrl: string;
declare const sku: string;
declare const log: { warn(message: string): void };
declare const metrics: { count(name: string, tags: Record<string, string | number>): void };
declare function render(stock: unknown): void;
declare function renderWithoutStock(): void;
/** retry-strategies.mdx: a response that was not 2xx, with its Retry-After hint. */
declare class HttpError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, retryAfterMs?: number);
}
/** retry-strategies.mdx */
declare function getJson(url: string, signal: AbortSignal): Promise<unknown>;
declare function isTransient(error: unknown): boolean;
/** circuit-breaker.mdx */
declare function isDependencyFailure(error: unknown): boolean;
declare const inventoryBreaker: import('./src/resilience/index.ts').CircuitBreaker;
interface Stock { readonly available: number | null }
declare const stockUnknown: Stock;
`;

const pages = readdirSync(docsDir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'));
const samples = pages.flatMap((p) => extractTsSamples(p, readFileSync(join(docsDir, p), 'utf8')));

describe('TypeScript samples in the guides', () => {
  it('finds the fences, including an indented one, and says where each starts', () => {
    const found = extractTsSamples('x.mdx', 'text\n```ts\nconst a = 1;\n```\n\n  ```ts\n  const b: string = "b";\n  ```\n```text\nnot code\n```\n');
    expect(found).toEqual([
      { page: 'x.mdx', line: 2, code: 'const a = 1;' },
      { page: 'x.mdx', line: 6, code: 'const b: string = "b";' },
    ]);
  });

  it('reports a sample that does not compile, at its line in the page', () => {
    const bad: Sample = { page: 'bad.mdx', line: 10, code: "import { retry } from './src/resilience/index.ts';\nconst n: number = retry;" };
    const errors = typeErrors([bad]);
    expect(errors.length).toBe(1);
    expect(errors[0]).toMatch(/^content\/docs\/bad\.mdx:12: /);
  });

  it('every guide has its samples found', () => {
    expect(samples.length).toBeGreaterThan(20);
  });

  it('every sample compiles against the library as it is', () => {
    expect(typeErrors(samples)).toEqual([]);
  }, 120_000);
});
