import { describe, expect, it } from 'vitest';
import { speedTiers, tierHosts } from '../../../simulations/models/speed-tiers.ts';

describe('speedTiers', () => {
  it('splits the backends in thirds, fast first, named by group and place, weighted by speed', () => {
    const tiers = speedTiers(7, 2);
    expect(tiers.map((t) => [t.id, t.speed])).toEqual([
      ['fast-0', 2],
      ['fast-1', 2],
      ['fast-2', 2],
      ['normal-0', 1],
      ['normal-1', 1],
      ['slow-0', 0.5],
      ['slow-1', 0.5],
    ]);
    expect(tierHosts(speedTiers(3, 4))).toEqual([
      { id: 'fast-0', weight: 4 },
      { id: 'normal-0', weight: 1 },
      { id: 'slow-0', weight: 0.25 },
    ]);
  });
});
