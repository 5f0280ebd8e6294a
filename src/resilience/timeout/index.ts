export { TimeoutPolicy, timeout, type TimeoutOptions } from './timeout-policy.ts';
