import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkhead } from '../../../src/resilience/bulkhead/bulkhead-policy.ts';
import { settle } from '../virtual-clock.ts';

/** What an operation does when its turn comes. */
type Behaviour = 'sync-throw' | 'sync-return' | 'resolve' | 'reject' | 'resolve-later' | 'reject-later';

const behaviour = fc.constantFrom<Behaviour>('sync-throw', 'sync-return', 'resolve', 'reject', 'resolve-later', 'reject-later');

function operationFor(b: Behaviour, i: number): () => Promise<number> | number {
  switch (b) {
    case 'sync-throw':
      return () => {
        throw new Error(`sync ${i}`);
      };
    case 'sync-return':
      return () => i;
    case 'resolve':
      return () => Promise.resolve(i);
    case 'reject':
      return () => Promise.reject(new Error(`async ${i}`));
    case 'resolve-later':
      return () => new Promise((resolve) => setImmediate(() => resolve(i)));
    case 'reject-later':
      return () => new Promise((_, reject) => setImmediate(() => reject(new Error(`later ${i}`))));
  }
}

/** Runs every operation through one bulkhead while the first slot is held, then releases it. */
async function runAll(maxConcurrent: number, behaviours: readonly Behaviour[]) {
  const policy = bulkhead({ maxConcurrent, maxQueue: behaviours.length });
  const holders: Array<() => void> = [];
  const held = Array.from({ length: maxConcurrent }, () =>
    policy.execute(() => new Promise<string>((resolve) => holders.push(() => resolve('held')))),
  );
  const outcomes = behaviours.map((b, i) =>
    policy.execute(operationFor(b, i)).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  for (const release of holders) release();
  const heldResults = await Promise.all(held);
  const results = await Promise.all(outcomes);
  await settle();
  return { policy, heldResults, results };
}

describe('bulkhead: settles every caller whatever its operations do', () => {
  it('a bulkhead settles every caller and frees every slot, whatever its queued operations do (sync throws included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        // Long runs of synchronous throws are what overflowed the stack: leave → start → runInSlot → leave.
        fc.integer({ min: 0, max: 6000 }),
        fc.array(behaviour, { maxLength: 60 }),
        async (maxConcurrent, syncThrows, rest) => {
          const behaviours: Behaviour[] = [...Array<Behaviour>(syncThrows).fill('sync-throw'), ...rest];
          const { policy, heldResults, results } = await runAll(maxConcurrent, behaviours);
          expect(heldResults.every((r) => r === 'held')).toBe(true);
          results.forEach((r, i) => {
            const b = behaviours[i];
            const shouldSucceed = b === 'sync-return' || b === 'resolve' || b === 'resolve-later';
            expect(r.ok).toBe(shouldSucceed);
            if (r.ok) expect(r.value).toBe(i);
            else expect(r.error).not.toBeInstanceOf(RangeError);
          });
          expect(policy.core.running).toBe(0);
          expect(policy.core.queued).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('10,000 queued operations that throw synchronously all reject with their own error, and the slot is free after', async () => {
    const policy = bulkhead({ maxConcurrent: 1, maxQueue: 10_000 });
    let release!: () => void;
    const held = policy.execute(() => new Promise<string>((resolve) => (release = () => resolve('done'))));
    const queued = Array.from({ length: 10_000 }, (_, i) =>
      policy.execute(() => {
        throw new Error(`sync ${i}`);
      }),
    );
    release();
    await expect(held).resolves.toBe('done');
    const results = await Promise.allSettled(queued);
    expect(results.every((r, i) => r.status === 'rejected' && (r.reason as Error).message === `sync ${i}`)).toBe(true);
    expect(policy.core.running).toBe(0);
    await expect(policy.execute(() => 'next')).resolves.toBe('next');
  });
});
