// The guide's reading order. Only pages that are written are listed.
export const sidebar = [
  { label: 'Introduction', slug: 'index' },
  { label: 'Retry strategies', slug: 'retry-strategies' },
];
