export { TimeoutPolicy, timeout, type TimeoutOptions } from './timeout-policy.ts';
export { defaultResolutionMs, timeoutLimits } from './timeout-options.ts';
