import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, layerOf, relativeImports, resolveRelative, violation } from './import-layers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('import direction', () => {
  it('no file imports a layer above its own, or a program (examples, scripts, bench, tests) from a layer', () => {
    const edges = relativeImports(root);
    // The scan must see the tree, or an empty list would pass for the wrong reason.
    const layersSeen = new Set(edges.map((e) => layerOf(e.from)));
    for (const layer of ['guides', 'components', 'simulations', 'resilience', 'programs'] as const) expect(layersSeen).toContain(layer);
    expect(edges.length).toBeGreaterThan(500);
    const found = edges.map((e) => violation(e.from, e.to)).filter((v) => v !== undefined);
    expect(found).toEqual([]);
  });

  describe('the checker', () => {
    const check = (from: string, specifier: string) => violation(from, resolveRelative(from, specifier));

    it('fails an import that points up, or into a program, or out of a leaf', () => {
      expect(check('src/resilience/retry/retry-core.ts', '../../../simulations/index.ts')).toMatch(/resilience.*imports simulations\/index\.ts \(simulations\)/);
      expect(check('simulations/models/service.ts', '../../src/components/frame/WidgetFrame.tsx')).toMatch(/\(simulations\) imports .* \(components\)/);
      expect(check('src/components/retry/RetryStormWidget.tsx', '../../../content/docs/retry-strategies.mdx')).toMatch(/\(components\) imports .* \(guides\)/);
      expect(check('src/params/params.ts', '../resilience/index.ts')).toMatch(/\(params\) imports .* \(resilience\): params may import only nothing of the project/);
      expect(check('src/resilience/index.ts', '../params/params.ts')).toMatch(/\(resilience\) imports .* \(params\)/);
      expect(check('simulations/scenario.ts', '../tests/simulations/small-params.ts')).toMatch(/\(simulations\) imports .* \(programs\)/);
      expect(check('src/components/frame/x.ts', '../../../examples/shared/command.ts')).toMatch(/\(components\) imports .* \(programs\)/);
      expect(check('tests/a.test.ts', '../vitest.config.ts')).toMatch(/\(programs\) imports .* \(config\)/);
      expect(check('simulations/index.ts', '../../elsewhere/x.ts')).toMatch(/outside the repository/);
      expect(check('newfolder/x.ts', '../src/resilience/index.ts')).toMatch(/in no layer/);
    });

    it('passes imports that point down, stay in their layer, or come from a program', () => {
      expect(check('content/docs/retry-strategies.mdx', '../../src/components/retry/RetryStormWidget.tsx')).toBeUndefined();
      expect(check('src/components/retry/storm/storm-plan.ts', '../../../../simulations/scenarios/retry-storm.ts')).toBeUndefined();
      expect(check('src/components/retry/storm/storm-plan.ts', '../../../params/params.ts')).toBeUndefined();
      expect(check('simulations/models/service.ts', '../../src/resilience/random.ts')).toBeUndefined();
      expect(check('simulations/scenario.ts', '../src/params/params.ts')).toBeUndefined();
      expect(check('src/resilience/retry/retry.ts', '../index.ts')).toBeUndefined();
      expect(check('scripts/load-test.ts', '../examples/shared/command.ts')).toBeUndefined();
      expect(check('tests/simulations/conservation.test.ts', '../../simulations/index.ts')).toBeUndefined();
      expect(check('astro.config.mjs', './content/sidebar.mjs')).toBeUndefined();
    });

    it('finds an upward import in a whole tree, and only that one', () => {
      const tree = mkdtempSync(path.join(tmpdir(), 'import-direction-'));
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
        writeFileSync(path.join(tree, file), text);
      };
      try {
        write('src/resilience/core.ts', "import { run } from '../../simulations/engine.ts';\nexport const core = run;\n");
        write('simulations/engine.ts', "import { core } from '../src/resilience/core.ts';\nexport const run = () => core;\n");
        write('content/docs/page.mdx', "import W from '../../src/components/W.tsx';\n\n```ts\nimport { x } from '../../tests/not-an-import.ts';\n```\n");
        write('src/components/W.tsx', "import { run } from '../../simulations/engine.ts';\nexport default run;\n");
        write('node_modules/pkg/index.ts', "import '../../content/docs/page.mdx';\n");
        const found = relativeImports(tree)
          .map((e) => violation(e.from, e.to))
          .filter((v) => v !== undefined);
        expect(found).toEqual(['src/resilience/core.ts (resilience) imports simulations/engine.ts (simulations): resilience may import only nothing of the project']);
      } finally {
        rmSync(tree, { recursive: true, force: true });
      }
    });

    it('reads every import form, skips comments and the code samples of a guide, and drops a query', () => {
      const ts = [
        "import a from '../a.ts';",
        'import {',
        '  b,',
        '  type C,',
        "} from '../b.ts';",
        "import type { D } from '../d.ts';",
        "export * from '../e.ts';",
        "export { f } from '../f.ts';",
        "import '../g.css';",
        "const h = await import('../h.ts');",
        "new Worker(new URL('./i.worker.ts', import.meta.url));",
        "const root = new URL('../../', import.meta.url);",
        "// import z from '../commented.ts';",
        " * see import('../in-doc-comment.ts')",
        "const s = 'from x';",
      ].join('\n');
      expect(importSpecifiers(ts, 'src/x.ts').sort()).toEqual(['../a.ts', '../b.ts', '../d.ts', '../e.ts', '../f.ts', '../g.css', '../h.ts', './i.worker.ts']);
      const mdx = ["import W from '../../src/components/W.tsx';", '', '```ts', "import { retry } from './src/resilience/index.ts';", '```', '', '<W />'].join('\n');
      expect(importSpecifiers(mdx, 'content/docs/a.mdx')).toEqual(['../../src/components/W.tsx']);
      expect(resolveRelative('content/docs/a.mdx', './samples/retry.ts?raw')).toBe('content/docs/samples/retry.ts');
    });
  });
});
