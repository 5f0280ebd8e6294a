import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kebabCase } from '../../../src/params/params.ts';
import JitterContentionWidget from '../../../src/components/retry/JitterContentionWidget.tsx';
import RetryBudgetWidget from '../../../src/components/retry/RetryBudgetWidget.tsx';
import RetryStormWidget from '../../../src/components/retry/RetryStormWidget.tsx';
import { budgetWidget } from '../../../src/components/retry/budget/budget-widget.ts';
import { jitterWidget } from '../../../src/components/retry/jitter/jitter-widget.ts';
import { stormWidget } from '../../../src/components/retry/storm/storm-widget.ts';

// The server render is what a reader without JavaScript gets and what the
// browser hydrates; these check it against the widget DOM contract.
const widgets = [
  { C: JitterContentionWidget, d: jitterWidget },
  { C: RetryStormWidget, d: stormWidget },
  { C: RetryBudgetWidget, d: budgetWidget },
] as const;

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  expect(m, `no element with id ${id}`).not.toBeNull();
  return m![0];
}

describe.each(widgets)('$d.id widget, server-rendered', ({ C, d }) => {
  // Plain string checks: this environment has no DOM.
  const doc = renderToString(<C />);

  it('has the contract root, idle until hydrated', () => {
    expect(doc).toMatch(new RegExp(`<section[^>]*data-widget="${d.id}"[^>]*data-state="idle"[^>]*aria-labelledby="${d.id}-title"`));
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

  it('plots the default run as SVG with title, summary and paths', () => {
    const charts = [...doc.matchAll(/<svg data-chart="([^"]+)" role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
    expect(charts.length).toBeGreaterThan(0);
    for (const [, , titleId, summaryId] of charts) {
      expect(doc).toContain(`<title id="${titleId}">`);
      expect(doc).toMatch(new RegExp(`<figcaption id="${summaryId}" data-testid="chart-summary"[^>]*>[^<]*\\d`));
    }
    expect(doc).toMatch(/<path d="M[\d.]/);
  });

  it('carries the default result for hydration', () => {
    const m = doc.match(new RegExp(`<script type="application/json" data-build-default="${d.id}">(.*?)</script>`));
    expect(m).not.toBeNull();
    expect(() => JSON.parse(m![1])).not.toThrow();
  });

  it('has a run-status line', () => {
    expect(doc).toMatch(/data-testid="run-status" aria-live="polite"/);
  });
});
