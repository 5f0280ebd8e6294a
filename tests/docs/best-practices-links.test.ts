import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParamSpecs } from '../../src/params/params.ts';
import { defaultState, matchingPreset, type Preset } from '../../src/components/frame/url/widget-state.ts';
import { readWidgetUrl } from '../../src/components/frame/url/widget-url.ts';
import { jitterWidget } from '../../src/components/retry/jitter/jitter-widget.ts';
import { stormWidget } from '../../src/components/retry/storm/storm-widget.ts';
import { budgetWidget } from '../../src/components/retry/budget/budget-widget.ts';
import { replayWidget } from '../../src/components/circuit-breaker/replay/replay-widget.ts';
import { cascadeWidget } from '../../src/components/circuit-breaker/cascade/cascade-widget.ts';
import { compareWidget } from '../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import { timelineWidget } from '../../src/components/health/timeline/timeline-widget.ts';
import { failoverWidget } from '../../src/components/failover/timeline/timeline-widget.ts';
import { hedgingWidget } from '../../src/components/failover/hedging/hedging-widget.ts';
import { availabilityWidget } from '../../src/components/failover/availability/availability-widget.ts';
import { runnerWidget } from '../../src/components/chaos/runner/runner-widget.ts';
import { mapWidget } from '../../src/components/chaos/map/map-widget.ts';
import { playgroundWidget } from '../../src/components/chaos/playground/playground-widget.ts';

/**
 * The guide pages that link to widgets with their settings in the address
 * (best practices, the introduction): every such link names only settings the
 * widget has, with valid values; on best practices it lands exactly on one of
 * the widget's presets, so a trainer's link shows what the text says it shows.
 */
const docs = join(import.meta.dirname, '../../content/docs');
const pages = ['best-practices.mdx', 'introduction.mdx'];

// A widget's page and its definition; the anchor of a widget is `<id>-title`.
interface AnyWidget {
  readonly id: string;
  readonly specs: ParamSpecs;
  readonly viewSpecs: ParamSpecs;
  readonly defaultSeed: number;
  readonly presets: readonly Preset<ParamSpecs>[];
}
const widgets: Record<string, { page: string; def: AnyWidget }> = {};
const add = (page: string, ...defs: AnyWidget[]) => defs.forEach((def) => (widgets[def.id] = { page, def }));
add('retry-strategies', jitterWidget, stormWidget, budgetWidget);
add('circuit-breaker', replayWidget, cascadeWidget);
add('load-balancing', compareWidget);
add('health-checks', timelineWidget);
add('failover-strategies', failoverWidget, hedgingWidget, availabilityWidget);
add('chaos-engineering', runnerWidget, mapWidget, playgroundWidget);

interface WidgetLink {
  readonly file: string;
  readonly page: string;
  readonly query: string;
  readonly widget: string;
}

function widgetLinks(file: string): WidgetLink[] {
  const text = readFileSync(join(docs, file), 'utf8');
  return [...text.matchAll(/\]\(\/([a-z-]+)\/(\?[^)#\s]*)?#([a-z0-9-]+)-title\)/g)].map((m) => ({ file, page: m[1], query: m[2] ?? '', widget: m[3] }));
}

describe('widget links in the guides reproduce a preset', () => {
  const links = pages.flatMap(widgetLinks);

  it('best practices links at least one widget on every mechanism page', () => {
    const linked = new Set(links.filter((l) => l.file === 'best-practices.mdx').map((l) => l.page));
    expect([...linked].sort()).toEqual(['chaos-engineering', 'circuit-breaker', 'failover-strategies', 'health-checks', 'load-balancing', 'retry-strategies']);
  });

  for (const l of links) {
    it(`${l.file}: /${l.page}/${l.query}#${l.widget}-title`, () => {
      const w = widgets[l.widget];
      expect(w, `no widget "${l.widget}"`).toBeDefined();
      expect(w.page).toBe(l.page);
      const { state, notices } = readWidgetUrl(l.query, w.def.id, w.def.specs, w.def.defaultSeed, w.def.viewSpecs);
      expect(notices).toEqual([]);
      // Links from best practices spell out every value that differs from the defaults, and nothing else of another widget.
      for (const key of new URLSearchParams(l.query).keys()) expect(key.startsWith(`${l.widget}.`) || key.startsWith(`${l.widget}-b.`)).toBe(true);
      // The introduction's example link sets a seed of its own on purpose; best practices' links are presets on the default seed.
      if (l.file !== 'best-practices.mdx') return;
      expect(matchingPreset(w.def.specs, state, w.def.presets), 'the link lands on no preset').toBeDefined();
      expect(state.seed).toBe(defaultState(w.def.specs, w.def.defaultSeed).seed);
    });
  }
});
