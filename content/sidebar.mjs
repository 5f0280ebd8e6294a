// The guide's reading order. Only pages that are written are listed.
export const sidebar = [
  { label: 'Introduction', slug: 'index' },
  { label: 'Retry strategies', slug: 'retry-strategies' },
  { label: 'Circuit breakers', slug: 'circuit-breaker' },
  { label: 'Load balancing', slug: 'load-balancing' },
  { label: 'Health checks', slug: 'health-checks' },
  { label: 'Failover strategies', slug: 'failover-strategies' },
  { label: 'Chaos engineering', slug: 'chaos-engineering' },
];
