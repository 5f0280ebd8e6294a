import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kebabCase, type ParamSpecs } from '../../../src/params/params.ts';
import BreakerReplayWidget from '../../../src/components/circuit-breaker/BreakerReplayWidget.tsx';
import CascadingFailureWidget from '../../../src/components/circuit-breaker/CascadingFailureWidget.tsx';
import { cascadeSpecs } from '../../../src/components/circuit-breaker/cascade/cascade-specs.ts';
import { replayControlSpecs } from '../../../src/components/circuit-breaker/replay/replay-specs.ts';
import { diagram } from '../../../src/components/circuit-breaker/replay/replay-widget.ts';

// The server render is what a reader without JavaScript gets and what the
// browser hydrates; these check it against the widget DOM contract.
const widgets: { id: string; html: string; specs: ParamSpecs }[] = [
  { id: 'breaker', html: renderToString(<BreakerReplayWidget />), specs: replayControlSpecs },
  { id: 'cascade', html: renderToString(<CascadingFailureWidget />), specs: cascadeSpecs },
];

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  expect(m, `no element with id ${id}`).not.toBeNull();
  return m![0];
}

describe.each(widgets)('$id widget, server-rendered', ({ id, html, specs }) => {
  it('has the contract root, idle until hydrated', () => {
    expect(html).toMatch(new RegExp(`<section[^>]*data-widget="${id}"[^>]*data-state="idle"[^>]*aria-labelledby="${id}-title"`));
    expect(html).toContain(`id="${id}-title"`);
  });

  it('has a labelled native control for every parameter and the seed', () => {
    for (const [name, spec] of Object.entries(specs)) {
      const control = `${id}-${kebabCase(name)}`;
      expect(html).toContain(`for="${control}"`);
      const tag = tagWithId(html, control);
      expect(tag).toMatch(spec.kind === 'enum' ? /^<select/ : new RegExp(`^<input type="${spec.kind === 'number' ? 'range' : 'checkbox'}"`));
      expect(tag).toContain(`name="${kebabCase(name)}"`);
      if (spec.kind === 'number') expect(tag).toMatch(/aria-valuetext="[^"]+"/);
    }
    const seed = tagWithId(html, `${id}-seed`);
    expect(seed).toMatch(/^<input type="number"/);
    expect(seed).toContain('name="seed"');
  });

  it('has the tool buttons and the preset picker', () => {
    for (const name of ['Reset', 'Download SVG', 'Download CSV']) expect(html).toContain(`>${name}</button>`);
    expect(html).toMatch(/<button type="button" aria-pressed="false">Compare A\/B<\/button>/);
    expect(html).toContain('name="preset"');
  });

  it('plots the default run as SVG with title, summary and paths', () => {
    const charts = [...html.matchAll(/<svg data-chart="([^"]+)" role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
    expect(charts.length).toBeGreaterThan(0);
    for (const [, , titleId, summaryId] of charts) {
      expect(html).toContain(`<title id="${titleId}">`);
      expect(html).toMatch(new RegExp(`<figcaption id="${summaryId}" data-testid="chart-summary"[^>]*>[^<]*\\d`));
    }
    expect(html).toMatch(/<path d="M[\d.]/);
  });

  it('carries the default result for hydration, and a run-status line', () => {
    const m = html.match(new RegExp(`<script type="application/json" data-build-default="${id}">(.*?)</script>`));
    expect(m).not.toBeNull();
    expect(() => JSON.parse(m![1])).not.toThrow();
    expect(html).toMatch(/data-testid="run-status" aria-live="polite"/);
  });
});

describe('breaker widget, server-rendered replay', () => {
  const html = widgets[0].html;

  it('has the replay controls: play, step both ways, and a labelled time scrubber named like its URL key', () => {
    expect(html).toMatch(/<button type="button" class="rl-replay__play">Play<\/button>/);
    expect(html).toContain('>Next transition</button>');
    // At the start there is nothing before: stepping back is disabled, not hidden.
    expect(html).toMatch(/<button type="button" disabled="">Previous transition<\/button>/);
    expect(html).toContain('for="breaker-t"');
    const scrubber = tagWithId(html, 'breaker-t');
    expect(scrubber).toMatch(/^<input type="range"/);
    expect(scrubber).toContain('name="t"');
    expect(scrubber).toContain('max="60"');
    expect(scrubber).toContain('aria-valuetext="0.0 s, breaker closed"');
  });

  it('draws every state and transition of the machine, with the initial state current and nothing taken yet', () => {
    for (const n of diagram.nodes) expect(html).toContain(`data-node="${n.id}"`);
    for (const e of diagram.edges) expect(html).toContain(`data-edge="${e.from}-&gt;${e.to}:${e.event}"`);
    expect([...html.matchAll(/data-node="([^"]+)" data-current="true"/g)].map((m) => m[1])).toEqual([diagram.initial]);
    expect(html).not.toContain('data-last="true"');
  });

  it('has the state band, the outage shading and the breaker vs no-breaker table', () => {
    expect(html).toContain('data-band="first"');
    expect(html).toContain('class="rl-chart__shade"');
    expect(html).toMatch(/<caption>Breaker vs no breaker on the same seed<\/caption>/);
  });
});
