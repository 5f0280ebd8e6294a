export { InjectionCore, DEFAULT_INJECTION_RATE, type InjectionOptions, type PerCall } from './injection-core.ts';
export type { ChaosInjectedEvent } from './chaos-events.ts';
export { FaultInjectionPolicy, faultInjection, type FaultInjectionOptions } from './fault-injection-policy.ts';
export { OutcomeInjectionPolicy, outcomeInjection, type OutcomeInjectionOptions, type InjectedOutcome } from './outcome-injection-policy.ts';
export { LatencyInjectionPolicy, latencyInjection, DEFAULT_INJECTED_LATENCY_MS, type LatencyInjectionOptions } from './latency-injection-policy.ts';
export { BehaviorInjectionPolicy, behaviorInjection, type BehaviorInjectionOptions } from './behavior-injection-policy.ts';
export { chaosFetch, type FetchLike } from './chaos-fetch.ts';
export * from './experiment/index.ts';
