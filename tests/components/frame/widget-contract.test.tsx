import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kebabCase, type ParamSpecs } from '../../../src/params/params.ts';

/**
 * The widget DOM contract, checked on the server render of every widget the
 * guides can place: each `src/components/<concept>/<Name>Widget.tsx` exports
 * its component as default and its definition as `definition`. The server
 * render is what a reader without JavaScript gets and what the browser
 * hydrates. Plain string checks: this environment has no DOM.
 */
interface WidgetModule {
  readonly default: ComponentType;
  readonly definition: { readonly id: string; readonly specs: ParamSpecs };
}

// Concept folders only: frame/ holds the shared <SimulationWidget>, which is no widget of its own.
const modules = import.meta.glob<WidgetModule>(['../../../src/components/*/*Widget.tsx', '!../../../src/components/frame/**'], { eager: true });
const widgets = Object.entries(modules).map(([path, m]) => ({ path: path.replace(/^.*src\/components\//, ''), m }));

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  expect(m, `no element with id ${id}`).not.toBeNull();
  return m![0];
}

describe('widget modules', () => {
  it('are found, each with a component and its definition, with unique ids', () => {
    expect(widgets.length).toBeGreaterThanOrEqual(10);
    for (const { path, m } of widgets) {
      expect(typeof m.default, path).toBe('function');
      expect(m.definition?.id, `${path} exports its definition as "definition"`).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    const ids = widgets.map((w) => w.m.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// A module without its definition fails the test above; the contract is checked on the others.
describe.each(widgets.filter((w) => w.m.definition))('$path, server-rendered', ({ m }) => {
  const { id, specs } = m.definition;
  const C = m.default;
  const doc = renderToString(<C />);

  it('has the contract root, idle until hydrated, labelled by its title', () => {
    expect(doc).toMatch(
      new RegExp(
        `^<section\\b[^>]* class="rl-widget not-content" data-widget="${id}" data-state="idle" data-plan="([^"]+)" data-shown="\\1" aria-labelledby="${id}-title"`,
      ),
    );
    expect(doc).toMatch(new RegExp(`<h3 id="${id}-title">[^<]+</h3>`));
  });

  it('has a labelled native control for every parameter and the seed', () => {
    for (const [name, spec] of Object.entries(specs)) {
      const control = `${id}-${kebabCase(name)}`;
      expect(doc).toContain(`for="${control}"`);
      const tag = tagWithId(doc, control);
      expect(tag).toMatch(spec.kind === 'enum' ? /^<select/ : new RegExp(`^<input type="${spec.kind === 'number' ? 'range' : 'checkbox'}"`));
      expect(tag).toContain(`name="${kebabCase(name)}"`);
      if (spec.kind === 'number') expect(tag).toMatch(/aria-valuetext="[^"]+"/);
    }
    const seed = tagWithId(doc, `${id}-seed`);
    expect(seed).toMatch(/^<input type="number"/);
    expect(seed).toContain('name="seed"');
  });

  it('has the tool buttons and the preset picker', () => {
    for (const name of ['Reset', 'Download SVG', 'Download CSV']) expect(doc).toContain(`>${name}</button>`);
    expect(doc).toMatch(/<button type="button" aria-pressed="false">Compare A\/B<\/button>/);
    expect(doc).toContain(`id="${id}-preset" name="preset"`);
  });

  it('plots the default run: SVGs with unique ids, each with a title and a summary written from numbers', () => {
    const charts = [...doc.matchAll(/<svg data-chart="([^"]+)" role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
    expect(charts.length).toBeGreaterThan(0);
    const ids = charts.map((c) => c[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, , titleId, summaryId] of charts) {
      expect(doc).toMatch(new RegExp(`<title id="${titleId}">[^<]+</title>`));
      expect(doc).toMatch(new RegExp(`<figcaption id="${summaryId}" data-testid="chart-summary"[^>]*>[^<]*\\d`));
    }
  });

  it('carries the default result for hydration, as JSON, and has a run-status line', () => {
    const json = doc.match(new RegExp(`<script type="application/json" data-build-default="${id}">(.*?)</script>`));
    expect(json).not.toBeNull();
    expect(() => JSON.parse(json![1])).not.toThrow();
    expect(doc).toMatch(/<p class="rl-run-status rl-run-status--idle" data-testid="run-status" aria-live="polite">Showing the default run/);
    expect(doc).not.toContain('url-notice');
  });
});
