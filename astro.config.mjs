// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { sidebar } from './content/sidebar.mjs';

export default defineConfig({
  site: 'http://localhost:4321',
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [
    starlight({
      title: 'Resilience Lab',
      description: 'An interactive field guide to fault tolerance: retries, circuit breakers, load balancing, health checks, with live simulations of real code.',
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
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // The mechanisms, the simulator and the parameter schema only declare
        // things: a module of theirs whose exports a page does not use can be
        // left out. Without this, importing one scenario through an index
        // (src/resilience/index.ts) pulled in every module behind it that runs
        // code at load (zod schemas of the chaos experiments, XState machines)
        // on every page.
        treeshake: { moduleSideEffects: (id) => !/[\\/](src[\\/]resilience|simulations|src[\\/]params)[\\/]/.test(id) },
      },
    },
  },
});
