/**
 * Per-call cost of the hedging executor when the first attempt answers
 * before the hedging delay, the common case (a hedge is for the tail):
 * what it adds to a bare `await fn()` measured in the same run. For scale,
 * the timeout policy, which shares the same one-timer-for-all design.
 */
import { hedging } from '../src/resilience/hedging/hedging-policy.ts';
import type { ExecuteContext } from '../src/resilience/pipeline/policy.ts';
import { ratioBudget } from '../src/resilience/retry-budget/ratio-budget.ts';
import { timeout } from '../src/resilience/timeout/timeout-policy.ts';
import { compare } from './harness.ts';

export default async function hedgingBench(): Promise<void> {
  let counter = 0;
  const fn = async () => ++counter;
  const fnWithSignal = async (ctx: ExecuteContext) => (ctx.signal.aborted ? -1 : ++counter);

  const plain = hedging({ maxAttempts: 2, delayMs: 1000 });
  const budgeted = hedging({ maxAttempts: 2, delayMs: 1000, budget: ratioBudget({ ratio: 0.1, windowMs: 10_000 }) });
  const ourTimeout = timeout(1000);

  await compare({
    title: 'hedging around a succeeding async function that answers before the 1 s hedging delay',
    baseline: 'bare await fn()',
    reference: 'timeout (ours)',
    contenders: [
      { name: 'bare await fn()', call: () => fn() },
      { name: 'hedging (ours)', call: () => plain.execute(fn) },
      { name: 'hedging, fn reads its signal', call: () => plain.execute(fnWithSignal) },
      { name: 'hedging + ratio budget', call: () => budgeted.execute(fn) },
      { name: 'timeout (ours)', call: () => ourTimeout.execute(fn) },
    ],
  });
}
