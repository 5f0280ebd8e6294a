import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { booleanParam, enumParam, intParam } from '../../../src/params/params.ts';
import { defineScenario } from '../../../simulations/scenario.ts';
import { scenarioLookup } from '../../../src/components/runner/scenario-lookup.ts';
import { SimulationWidget } from '../../../src/components/widget/SimulationWidget.tsx';
import type { WidgetDefinition } from '../../../src/components/widget/widget-definition.ts';

// The shared widget machinery against a tiny fake scenario: what any later
// widget (breaker, balancing) gets for free from one definition.
const specs = {
  spikeRate: intParam({ label: 'Spike load', unit: 'req/s', default: 40, min: 10, max: 200, step: 10, help: 'extra load' }),
  mode: enumParam({ label: 'Mode', default: 'a', options: ['a', 'b'] as const, optionLabels: { a: 'Mode A', b: 'Mode B' } }),
  cancel: booleanParam({ label: 'Cancel', default: false }),
};
const ramp = defineScenario({
  name: 'ramp',
  title: 'Ramp',
  description: 'a straight line',
  params: specs,
  summaryDoc: { last: 'last value' },
  run(p, seed) {
    const y = Array.from({ length: 5 }, (_, i) => i * p.spikeRate + seed);
    return { summary: { last: y[4] }, y };
  },
});

type View = { y: number[]; last: number };
const definition: WidgetDefinition<typeof specs, null, View> = {
  id: 'fake',
  title: 'A fake widget',
  description: 'Draws a ramp.',
  specs,
  defaultSeed: 3,
  presets: [{ id: 'steep', label: 'Steep', values: { spikeRate: 200 } }],
  lookup: scenarioLookup([ramp]),
  plan: (s) => ({ runs: [{ scenario: 'ramp', params: s.values, seed: s.seed, cost: 1 }], meta: null }),
  reduce: (results) => {
    const r = results[0] as unknown as { y: number[]; summary: { last: number } };
    return { y: r.y, last: r.summary.last };
  },
  charts: (v) => [
    {
      kind: 'line',
      id: 'ramp',
      title: 'The ramp',
      x: { label: 'Step' },
      y: { label: 'Value', unit: 'units' },
      series: [{ key: 'y', label: 'Value', color: 1, x: v.y.map((_, i) => i), y: v.y }],
      shaded: [{ start: 1, end: 2, label: 'Spike' }],
      summary: `The ramp ends at ${v.last}.`,
    },
  ],
};

describe('SimulationWidget (server render)', () => {
  const html = renderToString(<SimulationWidget definition={definition} />);

  it('renders the contract root, idle, labelled by its title', () => {
    expect(html).toMatch(/^<section class="rl-widget not-content" data-widget="fake" data-state="idle" aria-labelledby="fake-title"/);
    expect(html).toContain('<h3 id="fake-title">A fake widget</h3>');
  });

  it('renders each parameter as its native control, labelled, with value text', () => {
    expect(html).toContain('<label for="fake-spike-rate">Spike load</label>');
    expect(html).toMatch(/<input type="range" id="fake-spike-rate" min="10" max="200" step="10" aria-valuetext="40 req\/s" aria-describedby="fake-spike-rate-help" name="spike-rate" value="40"\/>/);
    expect(html).toMatch(/<select id="fake-mode" name="mode"[^>]*><option value="a" selected="">Mode A<\/option><option value="b">Mode B<\/option><\/select>/);
    expect(html).toMatch(/<input type="checkbox" id="fake-cancel" name="cancel"/);
    expect(html).toContain('<label for="fake-seed">Seed</label>');
    expect(html).toMatch(/<select id="fake-preset" name="preset"/);
  });

  it('plots the default run computed on the server, with its summary, and carries it for hydration', () => {
    expect(html).toMatch(/<svg data-chart="ramp" role="img" aria-labelledby="fake-ramp-title fake-ramp-summary"/);
    expect(html).toContain('<figcaption id="fake-ramp-summary" data-testid="chart-summary" class="rl-figure__summary">The ramp ends at 163.</figcaption>');
    expect(html).toContain('<rect class="rl-chart__shade"');
    const json = html.match(/<script type="application\/json" data-build-default="fake">(.*?)<\/script>/)![1];
    expect(JSON.parse(json).view).toEqual({ y: [3, 43, 83, 123, 163], last: 163 });
  });

  it('shows the run status as the build-time default until hydrated', () => {
    expect(html).toMatch(/<p class="rl-run-status rl-run-status--idle" data-testid="run-status" aria-live="polite">Showing the default run/);
  });

  it('renders no URL notice when there is none', () => {
    expect(html).not.toContain('url-notice');
  });
});
