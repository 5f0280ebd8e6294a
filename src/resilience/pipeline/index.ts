export { pipeline, noopPolicy, neverAborted, type Policy, type Operation, type ExecuteContext } from './policy.ts';
export { abortReason } from './abort.ts';
