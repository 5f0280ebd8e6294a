export { FallbackPolicy, fallback, type FallbackOptions, type FallbackValue } from './fallback-policy.ts';
