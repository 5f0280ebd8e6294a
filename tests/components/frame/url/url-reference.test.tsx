import { readFileSync, readdirSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UrlKeys } from '../../../../src/components/frame/url/UrlKeys.tsx';
import { stormWidget } from '../../../../src/components/retry/storm/storm-widget.ts';

const page = readFileSync('content/docs/url-reference.mdx', 'utf8');

describe('the URL reference page', () => {
  it('lists every widget module of the site', () => {
    const modules = readdirSync('src/components', { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'frame')
      .flatMap((d) => readdirSync(`src/components/${d.name}`).filter((f) => /Widget\.tsx$/.test(f)).map((f) => `${d.name}/${f}`));
    expect(modules.length).toBeGreaterThan(10);
    for (const m of modules) {
      const name = m.split('/')[1].replace('.tsx', '');
      expect(page, m).toContain(`'../../src/components/${m}'`);
      const alias = new RegExp(`import \\{ definition as (\\w+) \\} from '../../src/components/${m}'`).exec(page)?.[1];
      expect(alias, name).toBeDefined();
      expect(page, name).toContain(`<UrlKeys definition={${alias}} />`);
    }
  });

  it("renders a widget's keys, ranges, defaults and presets from its definition", () => {
    const html = renderToString(<UrlKeys definition={stormWidget} />).replace(/<!-- -->/g, '');
    for (const [k, p] of Object.entries(stormWidget.specs)) {
      const key = k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
      expect(html).toContain(`<code>storm.${key}</code>`);
      expect(html).toContain(p.label);
    }
    expect(html).toContain('<code>storm.seed</code>');
    for (const p of stormWidget.presets) expect(html).toContain(`<code>storm.preset=${p.id}</code>`);
  });
});
