import type { ExecuteContext, Operation } from '../pipeline/policy.ts';

/** Runs the operation so that a synchronous throw becomes a rejection, as inside an async function. */
export async function runOperation<T>(operation: Operation<T>, context: ExecuteContext): Promise<T> {
  return operation(context);
}
