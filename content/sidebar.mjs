// The guide's reading order. Only pages that are written are listed.
export const sidebar = [
  { label: 'Start here', slug: 'index' },
  { label: 'Introduction', slug: 'introduction' },
  { label: 'Retry strategies', slug: 'retry-strategies' },
  { label: 'Circuit breakers', slug: 'circuit-breaker' },
  { label: 'Load balancing', slug: 'load-balancing' },
  { label: 'Health checks', slug: 'health-checks' },
  { label: 'Failover strategies', slug: 'failover-strategies' },
  { label: 'Chaos engineering', slug: 'chaos-engineering' },
  { label: 'Best practices', slug: 'best-practices' },
  { label: 'Glossary', slug: 'glossary' },
  { label: 'URL reference', slug: 'url-reference' },
];
