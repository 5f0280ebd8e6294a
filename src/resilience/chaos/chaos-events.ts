/** What a chaos injector did to a call, for its `onInjected` listeners. */
export type ChaosInjectedEvent =
  | { readonly kind: 'fault'; readonly attempt: number; readonly error: unknown }
  | { readonly kind: 'outcome'; readonly attempt: number; readonly outcome: unknown }
  | { readonly kind: 'latency'; readonly attempt: number; readonly latencyMs: number }
  | { readonly kind: 'behavior'; readonly attempt: number };
