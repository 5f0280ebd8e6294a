import type { Policy } from '../pipeline/policy.ts';

/** The shape of the standard `fetch`, so any implementation (undici's, a test double) fits. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const globalFetch: FetchLike = (input, init) => fetch(input, init);

/**
 * `fetch` run through a policy (chaos injectors, usually with real
 * defences around them): each call becomes one `execute`, and the policy's
 * signal replaces the caller's inside it, so an injected latency or an
 * enclosing timeout cancels the request. The caller's own `init.signal`
 * still cancels the whole call.
 *
 *   const get = chaosFetch(pipeline(timeout(500), latencyInjection({ injectionRate: 0.1, latencyMs: 800 })));
 *   await get('http://127.0.0.1:8080/');
 */
export function chaosFetch(policy: Policy, fetchImpl: FetchLike = globalFetch): FetchLike {
  return (input, init) => policy.execute(({ signal }) => fetchImpl(input, { ...init, signal }), init?.signal ?? undefined);
}
