export { BulkheadCore, type BulkheadOptions } from './bulkhead-core.ts';
export { BulkheadRejectedError } from './bulkhead-rejected-error.ts';
export { BulkheadPolicy, bulkhead, type BulkheadRejectedEvent } from './bulkhead-policy.ts';
export { bulkheadDefaults, bulkheadLimits } from './bulkhead-options.ts';
