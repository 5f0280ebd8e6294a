export { TokenBucket, type TokenBucketOptions, type TakeResult, type TokenBucketSnapshot } from './token-bucket.ts';
export { RateLimitedError } from './rate-limited-error.ts';
export { RateLimiterPolicy, rateLimiter, type RateLimiterOptions, type RateLimitedEvent } from './rate-limiter-policy.ts';
export { rateLimiterDefaults, rateLimiterLimits } from './rate-limiter-options.ts';
