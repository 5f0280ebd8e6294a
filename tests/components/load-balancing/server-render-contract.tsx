import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kebabCase, type ParamSpecs } from '../../../src/params/params.ts';

export interface RenderedWidget {
  readonly C: ComponentType;
  readonly d: { readonly id: string; readonly specs: ParamSpecs };
  /** Chart ids the default run draws, in order. */
  readonly charts: readonly string[];
}

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  expect(m, `no element with id ${id}`).not.toBeNull();
  return m![0];
}

/**
 * The server render is what a reader without JavaScript gets and what the
 * browser hydrates; these check it against the widget DOM contract
 * (notes: widgets-common), as tests/components/retry does for the retry page.
 */
export function describeServerRender(widgets: readonly RenderedWidget[]): void {
  describe.each(widgets)('$d.id widget, server-rendered', ({ C, d, charts }) => {
    // Plain string checks: this environment has no DOM.
    const doc = renderToString(<C />);

    it('has the contract root, idle until hydrated', () => {
      expect(doc).toMatch(new RegExp(`^<section[^>]*data-widget="${d.id}"[^>]*data-state="idle"[^>]*aria-labelledby="${d.id}-title"`));
      expect(doc).toContain(`id="${d.id}-title"`);
    });

    it('has a labelled native control for every parameter and the seed', () => {
      for (const [name, spec] of Object.entries(d.specs)) {
        const id = `${d.id}-${kebabCase(name)}`;
        expect(doc).toContain(`for="${id}"`);
        const tag = tagWithId(doc, id);
        expect(tag).toMatch(spec.kind === 'enum' ? /^<select/ : new RegExp(`^<input type="${spec.kind === 'number' ? 'range' : 'checkbox'}"`));
        expect(tag).toContain(`name="${kebabCase(name)}"`);
        if (spec.kind === 'number') expect(tag).toMatch(/aria-valuetext="[^"]+"/);
      }
      const seed = tagWithId(doc, `${d.id}-seed`);
      expect(seed).toMatch(/^<input type="number"/);
      expect(seed).toContain('name="seed"');
    });

    it('has the tool buttons and the preset picker', () => {
      for (const name of ['Reset', 'Download SVG', 'Download CSV']) expect(doc).toContain(`>${name}</button>`);
      expect(doc).toMatch(/<button type="button" aria-pressed="false">Compare A\/B<\/button>/);
      expect(doc).toContain('name="preset"');
    });

    it('plots the default run: every chart an SVG with a title and a summary written from numbers', () => {
      const found = [...doc.matchAll(/<svg data-chart="([^"]+)" role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
      expect(found.map((m) => m[1])).toEqual(charts);
      for (const [, , titleId, summaryId] of found) {
        expect(doc).toMatch(new RegExp(`<title id="${titleId}">[^<]+</title>`));
        expect(doc).toMatch(new RegExp(`<figcaption id="${summaryId}" data-testid="chart-summary"[^>]*>[^<]*\\d`));
      }
    });

    it('carries the default result for hydration, as JSON', () => {
      const m = doc.match(new RegExp(`<script type="application/json" data-build-default="${d.id}">(.*?)</script>`));
      expect(m).not.toBeNull();
      expect(() => JSON.parse(m![1])).not.toThrow();
    });

    it('has a run-status line', () => {
      expect(doc).toMatch(/data-testid="run-status" aria-live="polite"/);
    });
  });
}
