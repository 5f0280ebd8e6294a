// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { sidebar } from './content/sidebar.mjs';

/**
 * d3's packages ship one flat ES module each (dist/d3-*.mjs), in which some
 * exports are built at load by a call: the d3-random generators and
 * d3-shape's curves as immediately invoked functions, d3-interpolate's colour
 * interpolators from factories. Rollup cannot tell these calls are pure, so
 * every page kept all of them (every curve, every random distribution) for
 * the few it uses. They are: a top-level `var x = f(...)` or
 * `var x = (function ...)(...)` in these files only builds x. Marking those
 * calls lets rollup drop the ones whose result nothing uses.
 */
/** @returns {import('vite').Plugin} */
function d3PureFactories() {
  const file = /[\\/]node_modules[\\/]d3-[a-z-]+[\\/]dist[\\/]d3-[a-z-]+\.mjs$/;
  const factoryCall = /^((?:var|const|let) [A-Za-z_$][\w$]* = )(?=\(function\b|[A-Za-z_$][\w$]*\()/gm;
  return {
    name: 'd3-pure-factories',
    transform(code, id) {
      if (!file.test(id)) return null;
      return { code: code.replace(factoryCall, '$1/*#__PURE__*/'), map: null };
    },
  };
}

/**
 * d3-scale interpolates a continuous scale's range with d3-interpolate's
 * `interpolate`, which also blends colours, dates, strings, arrays and
 * objects, and so brings all of d3-color onto every widget page (4 KB gzip
 * of 120). Every scale here maps numbers to pixels, so the browser build
 * gives d3-scale a numbers-only `interpolate`: the same arithmetic for
 * numbers (d3's interpolateNumber), and an error naming the cause for
 * anything else. (The server render keeps d3's own; for numbers they agree.)
 * @returns {import('vite').Plugin}
 */
function d3ScaleNumbersOnly() {
  const file = /[\\/]node_modules[\\/]d3-scale[\\/]dist[\\/]d3-scale\.mjs$/;
  const importLine = "import { interpolateNumber, interpolate, interpolateRound, piecewise } from 'd3-interpolate';";
  const numbersOnly = `import { interpolateNumber, interpolateRound, piecewise } from 'd3-interpolate';
function interpolate(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number') throw new TypeError('d3-scale range ' + a + ' to ' + b + ': this site builds d3-scale to interpolate numbers only (astro.config.mjs, d3ScaleNumbersOnly)');
  return interpolateNumber(a, b);
}`;
  return {
    name: 'd3-scale-numbers-only',
    transform(code, id) {
      if (!file.test(id)) return null;
      if (!code.includes(importLine)) throw new Error(`d3ScaleNumbersOnly: ${id} no longer imports d3-interpolate as expected; update astro.config.mjs`);
      return { code: code.replace(importLine, numbersOnly), map: null };
    },
  };
}

/**
 * Whether a module may have side effects: not those of the mechanisms, the
 * simulator and the parameter schema, which only declare things (see
 * `build.rollupOptions` below).
 * @param {string} id
 */
const declarationsOnly = (id) => !/[\\/](src[\\/]resilience|simulations|src[\\/]params)[\\/]/.test(id);

/**
 * Run code (what a scenario's run needs and no page needs to hydrate) in a
 * few chunks: a scenario's code is loaded on the reader's first pointer,
 * focus or touch on its widget, and as some twenty small chunks (Rollup's
 * one per set of scenarios sharing a module) it took 60 to 130 ms on
 * loopback: a browser opens six connections to a host over HTTP/1.1, and the
 * worker loads the same files on the same connections. So each mechanism's
 * run-only modules make one chunk (`mechanisms-retry`, ...: a scenario that
 * retries loads the retry module's other policies too, a few KB), and the
 * simulator's modules that most scenarios share make one; the rest stay
 * where Rollup puts them, so a widget does not load every scenario's code.
 * No module a page needs at hydration moves: those are found first.
 * @returns {import('rollup').GetManualChunk}
 */
function runCodeChunks() {
  const SHARED_BY = 4;
  /** How many scenarios use each run-only module. */
  /** @type {Map<string, number>} */
  let users = new Map();
  /** The build `users` was counted for: each build (client, worker) has its own module graph. */
  /** @type {unknown} */
  let graph;
  /** @type {import('rollup').GetManualChunk} */
  return (id, { getModuleIds, getModuleInfo }) => {
    if (graph !== getModuleIds) {
      graph = getModuleIds;
      users = countRunCodeUsers([...getModuleIds()], getModuleInfo);
    }
    const n = users.get(id) ?? 0;
    if (n === 0) return undefined;
    // Counts through src/resilience's index modules would say every scenario uses every mechanism: grouped by mechanism instead.
    const mechanism = /[\\/]src[\\/]resilience[\\/](?:([^\\/]+)[\\/].*|[^\\/]+)$/.exec(id);
    if (mechanism) return mechanism[1] ? `mechanisms-${mechanism[1]}` : 'mechanisms';
    if (n >= SHARED_BY && /[\\/]simulations[\\/]|[\\/]node_modules[\\/]d3-random[\\/]/.test(id)) return 'simulator';
    return undefined;
  };
}

/**
 * For each module only run code needs, how many scenarios' run code reaches
 * it by static imports. Scenarios are what `frame/runner/scenario-code.ts`
 * imports dynamically; a module statically reachable from an entry or any
 * other dynamic import (a page's islands, the worker's script) is the
 * pages' and not counted.
 * @param {string[]} ids
 * @param {import('rollup').GetModuleInfo} info
 */
function countRunCodeUsers(ids, info) {
  const lazy = (/** @type {string} */ m) => /[\\/]frame[\\/]runner[\\/]scenario-code\.ts$/.test(m);
  const reach = (/** @type {string[]} */ from, /** @type {Set<string>} */ skip) => {
    const seen = new Set();
    const stack = [...from];
    while (stack.length) {
      const m = /** @type {string} */ (stack.pop());
      if (seen.has(m) || skip.has(m)) continue;
      seen.add(m);
      stack.push(...(info(m)?.importedIds ?? []));
    }
    return seen;
  };
  const pages = reach(
    ids.filter((m) => {
      const i = info(m);
      return i && (i.isEntry || i.dynamicImporters.some((d) => !lazy(d)));
    }),
    new Set(),
  );
  /** @type {Map<string, number>} */
  const users = new Map();
  for (const scenario of ids.filter((m) => info(m)?.dynamicImporters.some(lazy))) {
    for (const m of reach([scenario], pages)) if (m !== scenario) users.set(m, (users.get(m) ?? 0) + 1);
  }
  return users;
}

/**
 * `runCodeChunks` for the pages' browser build only (the server render's
 * chunks are Astro's), before Astro's own manual chunks (its CSS). Only the
 * modules named go to these chunks, not whatever they import: otherwise a
 * module the pages share with the run code would be pulled in with it.
 * @returns {import('vite').Plugin}
 */
function browserRunCodeChunks() {
  let ssr = false;
  return {
    name: 'run-code-chunks',
    apply: 'build',
    configResolved(config) {
      ssr = !!config.build.ssr;
    },
    outputOptions(output) {
      if (ssr) return null;
      const others = output.manualChunks;
      if (others && typeof others !== 'function') throw new Error('browserRunCodeChunks: expected no manualChunks or a function (astro.config.mjs)');
      const ours = runCodeChunks();
      return {
        ...output,
        onlyExplicitManualChunks: true,
        manualChunks(id, meta) {
          return ours.call(this, id, meta) ?? others?.call(this, id, meta);
        },
      };
    },
  };
}

export default defineConfig({
  site: 'http://localhost:4321',
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [
    starlight({
      title: 'Resilience Lab',
      description:
        'An interactive field guide to fault tolerance: retries, circuit breakers, load balancing, health checks, with live simulations of real code.',
      favicon: '/favicon.svg',
      // Docs live in a top-level content/ folder (see src/content.config.ts);
      // without this, asides and heading anchors are not processed there.
      markdown: { processedDirs: ['./content/docs'] },
      sidebar,
      customCss: ['./src/styles/widgets.css', './src/styles/prose.css'],
      lastUpdated: false,
      pagination: true,
    }),
    react(),
  ],
  vite: {
    plugins: [d3PureFactories(), d3ScaleNumbersOnly(), browserRunCodeChunks()],
    // The worker loads each scenario's code as it needs it, tree-shaken as the pages are.
    worker: {
      format: 'es',
      plugins: () => [d3PureFactories()],
      rollupOptions: {
        treeshake: { moduleSideEffects: declarationsOnly },
        output: { manualChunks: runCodeChunks(), onlyExplicitManualChunks: true },
      },
    },
    build: {
      rollupOptions: {
        // The mechanisms, the simulator and the parameter schema only declare
        // things: a module of theirs whose exports a page does not use can be
        // left out. Without this, importing one scenario through an index
        // (src/resilience/index.ts) pulled in every module behind it that runs
        // code at load (zod schemas of the chaos experiments, XState machines)
        // on every page.
        treeshake: { moduleSideEffects: declarationsOnly },
        // The worker's run code chunks (Vite reads this for the worker too): a
        // mechanism no scenario uses, reached only through an index module,
        // makes an empty chunk that nothing loads.
        onwarn(warning, warn) {
          if (warning.code === 'EMPTY_BUNDLE' && /^mechanisms/.test(warning.names?.[0] ?? '')) return;
          warn(warning);
        },
      },
    },
  },
});
