import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import BreakerReplayWidget from '../../../src/components/circuit-breaker/BreakerReplayWidget.tsx';
import { diagram } from '../../../src/components/circuit-breaker/replay/replay-widget.ts';

// What the breaker replay draws beyond the shared contract (tests/components/frame/widget-contract.test.tsx).

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  expect(m, `no element with id ${id}`).not.toBeNull();
  return m![0];
}

describe('breaker widget, server-rendered replay', () => {
  const html = renderToString(<BreakerReplayWidget />);

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
